#!/usr/bin/env python3
"""Mistake: recvfrom(1024): a ROW of a 480-pixel image is 1447 bytes, so wide rows arrive cut short, have the wrong
length, and are dropped; narrow test images pass. Must lose US-1."""
import socket

import classroom_server as server


def receive(sock):
    try:
        data, _ = sock.recvfrom(1024)
        return data
    except socket.timeout:
        return None


server.receive = receive
server.main()
