#!/usr/bin/env python3
"""Mistake: GAMEOVER ends the client at once (exit 0), without waiting for the server to close the connection.
Must lose QUIZ-13."""
import os

import classroom_client as client

original = client.show


def show(text):
    original(text)
    if text.startswith("GAMEOVER"):
        os._exit(0)


client.show = show
client.main()
