#!/usr/bin/env python3
"""Mistake: no socket timeout, so a server that stops answering keeps the client waiting forever instead of
failing after 10 s. Must lose SOCK-11."""
import socket

import classroom_client as client


def connect(host, port):
    try:
        return socket.create_connection((host, port))
    except OSError as e:
        client.fail(2, "cannot connect to %s:%d: %s" % (host, port, e))


client.connect = connect
client.main()
