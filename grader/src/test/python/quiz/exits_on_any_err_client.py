#!/usr/bin/env python3
"""Mistake: every ERR line is taken for a refused JOIN and ends the client with exit code 1, although after WELCOME
an ERR (already-answered, no-question) is printed and the game goes on. Must lose QUIZ-13."""
import classroom_client as client

original = client.show


def show(text):
    original(text)
    if text.startswith("ERR"):
        client.fail(1, "refused: " + text)


client.show = show
client.main()
