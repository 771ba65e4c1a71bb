#!/usr/bin/env python3
"""Mistake: checks names on PUT, not on GET: os.path.join(folder, "../secret.txt") serves a file from outside the
folder (path traversal). Must lose FT-6."""
import classroom_server as server


def get(conn, name):
    opened = server.open_file(name)
    if opened is None:
        conn.sock.sendall(b"ERR not-found\n")
        return
    f, size = opened
    with f:
        conn.sock.sendall(b"OK %d %s\n" % (size, server.sha256_of(f).encode()))
        for chunk in iter(lambda: f.read(65536), b""):
            conn.sock.sendall(chunk)


server.get = get
server.main()
