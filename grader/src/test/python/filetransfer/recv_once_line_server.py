#!/usr/bin/env python3
"""Mistake: takes whatever one recv() returns as the command line (up to its first LF), keeping nothing of the rest.
Fine while each command arrives alone; a line in pieces is several wrong commands, and the content glued to its PUT
line is lost. Must lose FT-1."""
import classroom_server as server


def read_line(conn):
    data = conn.sock.recv(8192)
    if not data:
        return None
    line = data.split(b"\n", 1)[0]
    return line[:-1] if line.endswith(b"\r") else line


server.read_line = read_line
server.main()
