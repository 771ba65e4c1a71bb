#!/usr/bin/env python3
"""Mistake: get reads recv(1024) until a short block arrives, ignoring the announced size: a pause in the transfer
cuts the file, and a file whose size is a multiple of 1024 (or 0) waits for a block that never comes, since the
server keeps the connection open. Must lose FT-11."""
import hashlib

import classroom_client as client


def receive(conn, f, size):
    digest = hashlib.sha256()
    data = conn.pending
    while True:
        f.write(data)
        digest.update(data)
        data = conn.sock.recv(1024)
        f.write(data)
        digest.update(data)
        if len(data) < 1024:
            return digest.hexdigest()
        data = b""


client.receive = receive
client.main()
