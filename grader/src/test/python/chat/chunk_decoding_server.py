#!/usr/bin/env python3
"""Mistake: each recv() chunk is decoded on its own (errors="replace", so that nothing crashes) and lines are found in
the decoded text. A character whose UTF-8 bytes arrive in two chunks becomes two replacement characters. Must lose
CHAT-8."""
import classroom_server as server


def read_lines(conn):
    pending = ""
    while True:
        while "\n" in pending:
            line, pending = pending.split("\n", 1)
            line = line[:-1] if line.endswith("\r") else line
            if len(line.encode("utf-8")) > server.MAX_LINE:
                raise server.LineTooLong()
            yield line.encode("utf-8")
        data = conn.recv(65536)
        if not data:
            return
        pending += data.decode("utf-8", "replace")


server.read_lines = read_lines
server.main()
