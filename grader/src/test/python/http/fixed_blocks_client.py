#!/usr/bin/env python3
"""Mistake: the body is read in blocks of 1024 bytes until a shorter one arrives, whatever Content-Length
announced. A short read only means that nothing more had arrived yet: the body is cut. Must lose HTTP-21."""
import examples  # noqa: F401
import client


def copy_length(response, length):
    while True:
        data = response.take(1024)
        client.write(data)
        if len(data) < 1024:
            return


client.copy_length = copy_length
client.main()
