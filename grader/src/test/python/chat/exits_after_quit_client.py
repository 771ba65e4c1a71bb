#!/usr/bin/env python3
"""Mistake: at the end of input it sends QUIT and exits at once, without waiting for the server to close the
connection (the lines still on their way are never printed). Must lose CHAT-11."""
import os

import classroom_client as client


def quit(sock):
    client.quit_sent.set()
    client.send_line(sock, "QUIT")
    sock.close()
    os._exit(0)


client.quit = quit
client.main()
