#!/usr/bin/env python3
"""Mistake: one recv(65536) is taken for the whole response. Fine while the response arrives in one piece; a head
sent a byte at a time, or a body in several segments, is cut short. Must lose HTTP-21."""
import examples  # noqa: F401
import client


def fill(self):
    if self.eof:
        return False
    self.eof = True             # the habit: what one recv returns is everything
    data = self.sock.recv(client.CHUNK)
    self.buf += data
    return bool(data)


client.Response.fill = fill
client.main()
