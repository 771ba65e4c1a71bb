#!/usr/bin/env python3
"""Mistake: one thread does everything, all of stdin to the socket first and the echo afterwards. With more input
than the socket buffers hold, the server blocks writing an echo nobody reads, stops reading, and both sides wait
forever (the deadlock ECHO-8 warns about). Must lose ECHO-8."""
import socket
import sys

import classroom_client as client


def exchange(sock):
    sock.sendall(sys.stdin.buffer.read())
    sock.shutdown(socket.SHUT_WR)
    client.print_echo(sock)


client.exchange = exchange
client.main()
