#!/usr/bin/env python3
"""Mistake: json.loads with its defaults, which accepts NaN and Infinity (Python's extension, not JSON). Must lose
SER-4."""
import json

import classroom_server as server


def parse(body):
    return json.loads(body.decode("utf-8"))


server.parse = parse
server.main()
