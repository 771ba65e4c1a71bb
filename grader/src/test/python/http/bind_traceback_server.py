#!/usr/bin/env python3
"""Mistake: listener.bind() with no try around it. When another program holds the port, Python prints a traceback
(OSError: [Errno 98] Address already in use) and exits 1, where the contract asks for one line and exit 2. Must
lose HTTP-18."""
import socket

import examples  # noqa: F401
import server


class Unguarded(socket.socket):
    def bind(self, address):
        try:
            super().bind(address)
        except OSError as e:
            raise RuntimeError("bind failed") from e     # escapes main()'s `except OSError`: a traceback


class Sockets:
    """The socket module as the server sees it, with a bind that nothing catches."""

    def __getattr__(self, name):
        return getattr(socket, name)

    socket = Unguarded


server.socket = Sockets()
server.main()
