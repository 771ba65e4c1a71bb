#!/usr/bin/env python3
"""Mistake: one recv(65536) is taken for the whole answer, prefix and body. Fine for a short answer that arrives in
one piece; a prefix in pieces, or a list of 100 reports (hundreds of kilobytes), is cut short. Must lose SER-10."""
import classroom_client as client


def read_frame(sock):
    data = sock.recv(65536)
    return data[4:]


client.read_frame = read_frame
client.main()
