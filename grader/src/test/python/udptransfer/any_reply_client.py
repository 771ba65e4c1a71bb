#!/usr/bin/env python3
"""Mistake: whatever comes back after a DATA is taken as its ACK, without reading its type or seq. Fine while every
reply answers the last request; a late duplicate ACK of the chunk before moves the client on while its chunk is lost,
and the transfer never completes. Must lose UT-12."""
import classroom_client as client


def is_answer(reply, tid, kind, seq):
    return True


client.is_answer = is_answer
client.main()
