#!/usr/bin/env python3
"""Mistake: the 10 s are a deadline for the whole download instead of a limit on each silence. A server that is slow
but not silent (a byte every few seconds) is cut off. Must lose HTTP-24."""
import time

import examples  # noqa: F401
import client

started = time.monotonic()
receive = client.Response.fill


def fill(self):
    if time.monotonic() - started > client.TIMEOUT:
        raise client.broken("no complete answer within %d s" % client.TIMEOUT)
    return receive(self)


client.Response.fill = fill
client.main()
