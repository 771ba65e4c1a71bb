#!/usr/bin/env python3
"""Mistake: catches json.JSONDecodeError, the parser's usual error, and nothing else: JSON nested 10,000 deep raises
RecursionError, which kills the connection's thread instead of being answered. Must lose SER-4."""
import json

import classroom_server as server


def request_of(body):
    try:
        return server.parse(body)
    except json.JSONDecodeError:
        return server.NOT_JSON


server.request_of = request_of
server.main()
