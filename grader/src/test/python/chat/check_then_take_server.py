#!/usr/bin/env python3
"""Mistake: "is the nick free?" and "take it" in two steps (`if nick not in clients: ... clients[nick] = me`), with
something slow between them (here a log line, written outside the lock so as not to hold everybody up). Two
clients that ask for the same nick at the same moment both get OK. Must lose CHAT-1."""
import sys
import time

import classroom_server as server


def register(client, nick):
    with server.lock:
        taken = nick in server.clients
    if taken:
        client.put("ERR nick-taken")
        return
    print("registering %s" % nick, file=sys.stderr, flush=True)
    time.sleep(0.05)  # the log write, slow on a busy disk: the window the race needs
    with server.lock:
        server.clients[nick] = client
        client.nick = nick
        client.put("OK " + nick)
        for other in server.others(client):
            other.put("JOIN " + nick)


server.register = register
server.main()
