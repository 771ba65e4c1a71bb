#!/usr/bin/env python3
"""Mistake: the broadcast writes to every recipient's socket itself, under the registry lock (`with lock: for c in
clients: c.conn.sendall(line)`). When one client stops reading, its socket buffers fill, that sendall() blocks for
ever with the lock held, and the whole chat stops. Must lose CHAT-9."""
import classroom_server as server


def broadcast(sender, line):
    with server.lock:
        for other in server.others(sender):
            try:
                other.conn.sendall(line.encode("utf-8") + b"\n")
            except OSError:
                pass


server.broadcast = broadcast
server.main()
