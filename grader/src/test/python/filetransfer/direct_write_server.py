#!/usr/bin/env python3
"""Mistake: writes an upload straight into its final name: a GET meanwhile sees half a file, and an upload cut short
leaves a broken file (or destroys the previous version). Must lose FT-4."""
import os

import classroom_server as server


def store(conn, name, size):
    with open(os.path.join(server.folder, name), "wb") as f:
        digest = server.receive(conn, f, size)
        sent = server.read_line(conn)
    if sent is None:
        raise server.Gone()
    if sent.decode("ascii", "replace").lower() != digest:
        conn.sock.sendall(b"ERR digest-mismatch\n")
        return
    conn.sock.sendall(b"OK " + digest.encode() + b"\n")


server.store = store
server.main()
