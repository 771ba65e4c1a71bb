#!/usr/bin/env python3
"""Mistake: checks the timestamp with datetime.fromisoformat alone, which in Python 3.11 takes ISO 8601 forms that
RFC 3339 refuses: a space for T, no seconds, no zone. Must lose SER-4."""
import datetime

import classroom_server as server


def valid_timestamp(text):
    try:
        datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        return True
    except ValueError:
        return False


server.valid_timestamp = valid_timestamp
server.main()
