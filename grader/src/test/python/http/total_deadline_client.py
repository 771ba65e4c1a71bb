#!/usr/bin/env python3
"""Mistake: the 10 s are a deadline for the whole download instead of a limit on each silence: every recv gets the
time left until then. A server that is slow but not silent (a byte every few seconds) is cut off. Must lose
HTTP-24."""
import socket
import time

import examples  # noqa: F401
import client

deadline = time.monotonic() + client.TIMEOUT
receive = client.Response.fill


def fill(self):
    left = deadline - time.monotonic()
    if left <= 0:
        raise client.broken("no complete answer within %d s" % client.TIMEOUT)
    self.sock.settimeout(left)
    try:
        return receive(self)
    except socket.timeout:
        raise client.broken("no complete answer within %d s" % client.TIMEOUT)


client.Response.fill = fill
client.main()
