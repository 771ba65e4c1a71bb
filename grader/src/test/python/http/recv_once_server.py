#!/usr/bin/env python3
"""Mistake: one recv(4096) is taken for one whole request head. Fine while each request arrives alone and in one
piece; a head split over several segments is cut short, and a second pipelined request in the same segment is
thrown away with the rest of the buffer. Must lose HTTP-10."""
import socket
import time

import examples  # noqa: F401
import server


def read_head(reader):
    reader.sock.settimeout(server.HEAD_TIMEOUT)
    try:
        data = reader.sock.recv(4096)
    except socket.timeout:
        raise server.HeadTimeout(False)
    if not data:
        raise server.Closed()
    reader.buf = bytearray(data if data.endswith(b"\r\n\r\n") else data + b"\r\n\r\n")
    return server.parse_head(reader, time.monotonic() + server.HEAD_TIMEOUT)


server.read_head = read_head
server.main()
