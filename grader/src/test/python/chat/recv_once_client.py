#!/usr/bin/env python3
"""Mistake: one recv(1024) is taken for one line. Fine while the server's lines arrive one per segment; lines that
arrive together are printed as one (the second unformatted), a line cut in two is printed as two. Must lose CHAT-12."""
import classroom_client as client


def read_line(sock, pending):
    data = sock.recv(1024)
    if not data:
        return None
    return data.rstrip(b"\r\n")


client.read_line = read_line
client.main()
