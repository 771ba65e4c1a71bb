#!/usr/bin/env python3
"""Mistake: the same 0.2 s timeout for every attempt, however long the server stays silent: a server that is down
gets five STARTs a second. Must lose UT-18."""
import classroom_client as client

client.MAX_TIMEOUT = client.FIRST_TIMEOUT
client.main()
