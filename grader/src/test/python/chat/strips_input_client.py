#!/usr/bin/env python3
"""Mistake: stdin read with input().strip() and empty lines skipped: "  spaced  out " is sent as "MSG spaced  out"
and an empty line (an empty message) is not sent at all. Must lose CHAT-11."""
import sys

import classroom_client as client


def stdin_lines():
    for line in sys.stdin:
        line = line.strip()
        if line:
            yield line


client.stdin_lines = stdin_lines
client.main()
