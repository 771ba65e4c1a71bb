#!/usr/bin/env python3
"""Mistake: makes room for the body as soon as the prefix is read (bytearray(length)), and only then compares the
length with the limit. The answer is right (bad-length, then a close) and the buffer is freed at once, but for a
moment a 2 GiB announcement costs 2 GiB of memory: only the peak of the server's memory shows it. Must lose SER-2.
(Capped at 2 GiB, so that 2^32 - 1 does not take 4 GiB of the machine running the self-checks.)"""
import struct

import classroom_server as server


def read_frame(conn):
    first = conn.recv(1)
    if not first:
        return None
    (length,) = struct.unpack(">I", first + server.recv_exact(conn, 3))
    body = bytearray(min(length, 1 << 31))
    if length == 0 or length > server.MAX:
        raise server.BadLength()
    view = memoryview(body)
    got = 0
    while got < length:
        n = conn.recv_into(view[got:], length - got)
        if n == 0:
            raise server.Closed()
        got += n
    return bytes(body)


server.read_frame = read_frame
server.main()
