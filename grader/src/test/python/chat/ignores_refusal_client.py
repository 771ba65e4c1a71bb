#!/usr/bin/env python3
"""Mistake: the answer to NICK is printed but not looked at: after "ERR nick-taken" the client chats on as if it had
been accepted, reads stdin and sends it, and exits 0 at the end. Must lose CHAT-13."""
import classroom_client as client


def register(sock, pending, nick):
    client.send_line(sock, "NICK " + nick)
    line = client.read_line(sock, pending)
    if line is None:
        client.fail(2, "the server closed the connection")
    client.show(client.format_line(line.decode("utf-8", "replace")))


client.register = register
client.main()
