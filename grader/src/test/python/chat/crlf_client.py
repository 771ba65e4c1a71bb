#!/usr/bin/env python3
"""Mistake: lines sent with CR LF ("\\r\\n", as in HTTP or on Windows) where the protocol's senders end lines with
LF only. Must lose CHAT-11."""
import classroom_client as client


def send_line(sock, text):
    sock.sendall(text.encode("utf-8") + b"\r\n")


client.send_line = send_line
client.main()
