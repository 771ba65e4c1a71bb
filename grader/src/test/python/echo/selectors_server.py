#!/usr/bin/env python3
"""Mistake: the multi-connection server of the well-known selectors tutorial. Each connection keeps what it could
not send yet in an output buffer, and when recv() returns b"" (the client half-closed) the connection is closed at
once, throwing that buffer away. A client that reads fast leaves it empty; one that reads slowly does not, and
loses the end of its echo. Must lose ECHO-4."""
import selectors
import sys
import types

import classroom_server as server

sel = selectors.DefaultSelector()


def accept(listener):
    conn, addr = listener.accept()
    conn.setblocking(False)
    sel.register(conn, selectors.EVENT_READ | selectors.EVENT_WRITE, types.SimpleNamespace(addr=addr, outb=b""))


def service(key, mask):
    sock, data = key.fileobj, key.data
    if mask & selectors.EVENT_READ:
        received = sock.recv(65536)
        if received:
            data.outb += received
        else:
            sel.unregister(sock)  # the mistake: what is still in data.outb is never sent
            sock.close()
            return
    if mask & selectors.EVENT_WRITE and data.outb:
        sent = sock.send(data.outb)
        data.outb = data.outb[sent:]


def main():
    listener, udp = server.bind(sys.argv[1:])
    listener.setblocking(False)
    sel.register(listener, selectors.EVENT_READ, None)
    udp.setblocking(False)
    sel.register(udp, selectors.EVENT_READ, "udp")
    while True:
        for key, mask in sel.select():
            if key.data is None:
                accept(key.fileobj)
            elif key.data == "udp":
                payload, sender = udp.recvfrom(65535)
                udp.sendto(payload, sender)
            else:
                try:
                    service(key, mask)
                except OSError:
                    sel.unregister(key.fileobj)
                    key.fileobj.close()


main()
