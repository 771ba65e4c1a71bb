#!/usr/bin/env python3
"""Mistake: stops as soon as BYE arrives, without waiting for the server to close the connection. Must lose
SOCK-9."""
import classroom_client as client


def after_bye(sock, pending):
    return


client.after_bye = after_bye
client.main()
