#!/usr/bin/env python3
"""Mistake: answers read with input().strip(): "  spaced  " is sent as "ANSWER spaced", and a line of spaces as an
empty answer. Must lose QUIZ-12."""
import sys

import classroom_client as client


def stdin_lines():
    for line in sys.stdin:
        yield line.strip()


client.stdin_lines = stdin_lines
client.main()
