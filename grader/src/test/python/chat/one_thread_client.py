#!/usr/bin/env python3
"""Mistake: one thread for everything. It waits in input() for the user's next line and only then prints what the
server sent meanwhile, so a message from bob appears only once the user presses Enter. Must lose CHAT-12."""
import select

import classroom_client as client


def show_what_arrived(sock, pending):
    while pending or select.select([sock], [], [], 0)[0]:
        line = client.read_line(sock, pending)
        if line is None:
            return False
        client.show(client.format_line(line.decode("utf-8", "replace")))
    return True


def chat(sock, pending):
    for line in client.stdin_lines():
        command = client.to_command(line)
        if command == "QUIT":
            break
        client.send_line(sock, command)
        if not show_what_arrived(sock, pending):
            client.fail(2, "the server closed the connection before QUIT")
    client.quit(sock)
    client.listen(sock, pending)


client.chat = chat
client.main()
