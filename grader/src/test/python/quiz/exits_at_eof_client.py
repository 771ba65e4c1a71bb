#!/usr/bin/env python3
"""Mistake: the end of standard input ends the client (exit 0), even though the game goes on: the last questions,
the results and GAMEOVER are never printed. Must lose QUIZ-12."""
import os

import classroom_client as client

original = client.read_answers


def read_answers(sock):
    original(sock)
    os._exit(0)


client.read_answers = read_answers
client.main()
