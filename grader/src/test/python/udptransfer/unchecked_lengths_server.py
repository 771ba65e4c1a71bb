#!/usr/bin/env python3
"""Mistake: unpacks every datagram by its type without checking its length first: struct.unpack on a datagram cut
short raises struct.error, nothing catches it, and the server dies. Must lose UT-9."""
import struct

import classroom_server as server


def read_datagram(data):
    kind, tid = struct.unpack(">BI", data[:5])
    if kind == 0x01:
        size, length = struct.unpack(">QB", data[5:14])
        return kind, tid, (size, data[14:14 + length])
    if kind == 0x02:
        return kind, tid, (struct.unpack(">I", data[5:9])[0], data[9:])
    if kind == 0x03:
        return kind, tid, (data[5:37],)
    return None


server.read_datagram = read_datagram
server.main()
