#!/usr/bin/env python3
"""Mistake: whatever one recv() returns is taken as one command line. Fine while every line arrives in a segment
of its own; a JOIN sent byte by byte becomes one command per byte, a JOIN and an ANSWER sent together one command.
Must lose QUIZ-8."""
import classroom_server as server


def read_lines(conn):
    while True:
        data = conn.recv(1024)
        if not data:
            return
        yield data.rstrip(b"\r\n")


server.read_lines = read_lines
server.main()
