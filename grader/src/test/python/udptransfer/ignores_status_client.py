#!/usr/bin/env python3
"""Mistake: prints OK when DONE arrives, without reading its status byte: DONE 1 (nothing stored) looks like success.
Must lose UT-15."""
import classroom_client as client


def check_stored(done):
    pass


client.check_stored = check_stored
client.main()
