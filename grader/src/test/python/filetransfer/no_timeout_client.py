#!/usr/bin/env python3
"""Mistake: no socket timeout: a server that takes the command and never replies keeps the client waiting forever.
Must lose FT-13."""
import socket

import classroom_client as client


def connect(host, port):
    try:
        return client.Conn(socket.create_connection((host, port)))
    except OSError as e:
        client.fail(2, "cannot connect to %s:%d: %s" % (host, port, e))


client.connect = connect
client.main()
