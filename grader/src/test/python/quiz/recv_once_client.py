#!/usr/bin/env python3
"""Mistake: one recv(1024) is taken for one line. Lines that arrive together ("START 1\\nQUESTION 1 ...") are one
"line" that does not start with QUESTION, so the question is never answered; a line cut in two is printed as two.
Must lose QUIZ-12."""
import classroom_client as client


def read_line(sock, pending):
    data = sock.recv(1024)
    if not data:
        return None
    return data.rstrip(b"\r\n")


client.read_line = read_line
client.main()
