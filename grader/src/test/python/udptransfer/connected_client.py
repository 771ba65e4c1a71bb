#!/usr/bin/env python3
"""Mistake: connect()s its UDP socket, and lets the ConnectionRefusedError of a server that went away (an ICMP "port
unreachable") end it with a traceback, instead of treating it as silence. Must lose UT-16."""
import socket

import classroom_client as client


def open_socket(server):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.connect(server)
    return sock


def receive(sock, timeout):
    sock.settimeout(timeout)
    try:
        return sock.recv(2048)
    except socket.timeout:
        return None


client.open_socket = open_socket
client.receive = receive
client.main()
