#!/usr/bin/env python3
"""Mistake: reads all of stdin before it even connects, so a user typing lines sees no reply until they end the
input. Must lose SOCK-10."""
import sys

import classroom_client as client

one_at_a_time = client.messages


def messages(arguments):
    if arguments:
        return one_at_a_time(arguments)
    return [line[:-1] if line.endswith(b"\r") else line for line in sys.stdin.buffer.read().splitlines()]


client.messages = messages
client.main()
