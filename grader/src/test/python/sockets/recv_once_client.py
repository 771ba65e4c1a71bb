#!/usr/bin/env python3
"""Mistake: one recv(1024) is taken for one reply. Fine while each reply arrives in one piece; a greeting that
comes in two pieces ("HELLO fa", then "ke\n") shifts every reply after it. Must lose SOCK-9."""
import classroom_client as client


def read_line(sock, pending):
    data = sock.recv(1024)
    if not data:
        return None
    return data.rstrip(b"\r\n")


client.read_line = read_line
client.main()
