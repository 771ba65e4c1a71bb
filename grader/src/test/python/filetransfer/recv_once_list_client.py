#!/usr/bin/env python3
"""Mistake: list prints what one recv() returns, taken for the whole reply: a long list, or one that arrives in
pieces, is printed cut short (and its last line cut in the middle). Must lose FT-12."""
import sys

import classroom_client as client


def list_files(conn):
    conn.sock.sendall(b"LIST\n")
    sys.stdout.write(conn.sock.recv(65536).decode("utf-8", "replace"))
    sys.stdout.flush()


client.list_files = list_files
client.main()
