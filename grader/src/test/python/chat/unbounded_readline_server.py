#!/usr/bin/env python3
"""Mistake: lines read with makefile().readline() and no limit. A 4097-byte line is forwarded instead of refused,
and a client that sends megabytes without LF fills the server's memory. Must lose CHAT-8."""
import classroom_server as server


def read_lines(conn):
    reader = conn.makefile("rb")
    for line in reader:
        line = line[:-1] if line.endswith(b"\n") else line
        yield line[:-1] if line.endswith(b"\r") else line


server.read_lines = read_lines
server.main()
