#!/usr/bin/env python3
"""Mistake: the body is printed with print(body.decode()). print adds a newline, and decoding mangles bytes that are
not UTF-8: stdout is no longer the body. Must lose HTTP-19."""
import examples  # noqa: F401
import client


def write(data):
    print(data.decode("utf-8", "replace"))


client.write = write
client.main()
