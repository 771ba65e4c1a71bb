#!/usr/bin/env python3
"""Mistake: one recv() for the prefix and one for the body, taken as the whole frame. Fine while each frame arrives
in one piece; a prefix sent a byte at a time, or a body cut into segments, is misread. Must lose SER-1."""
import struct

import classroom_server as server


def read_frame(conn):
    prefix = conn.recv(4)
    if not prefix:
        return None
    (length,) = struct.unpack(">I", prefix.rjust(4, b"\0"))
    if length == 0 or length > server.MAX:
        raise server.BadLength()
    return conn.recv(length)


server.read_frame = read_frame
server.main()
