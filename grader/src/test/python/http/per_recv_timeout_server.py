#!/usr/bin/env python3
"""Mistake: settimeout(10) on every recv is the only defence against idle clients. Each byte of a client that sends
its head one byte a second restarts the count: that connection is never closed. Must lose HTTP-16."""
import examples  # noqa: F401
import server


def fill(self, deadline):
    self.sock.settimeout(server.HEAD_TIMEOUT)
    data = self.sock.recv(server.CHUNK)
    if not data:
        raise server.Closed()
    self.buf += data


server.Reader.fill = fill
server.main()
