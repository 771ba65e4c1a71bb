#!/usr/bin/env python3
"""Mistake: send() where sendall() is needed. The socket is non-blocking (select() tells when there is something
to read, as in the select-based servers of many tutorials), so send() writes only what fits in the send buffer at
that moment: when the client reads slowly the buffer is full and the rest of each chunk is silently dropped (or
send() fails and the connection ends). Must lose ECHO-4."""
import select

import classroom_server as server


def echo(conn):
    conn.setblocking(False)
    while True:
        select.select([conn], [], [])
        data = conn.recv(65536)
        if not data:
            return
        conn.send(data)


server.echo = echo
server.main()
