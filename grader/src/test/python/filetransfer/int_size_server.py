#!/usr/bin/env python3
"""Mistake: converts the size with int(), which also takes "+12", " 12" and "1_000". Must lose FT-7."""
import classroom_server as server


def parse_size(text):
    try:
        size = int(text)
    except ValueError:
        return None
    return size if size >= 0 else None


server.parse_size = parse_size
server.main()
