#!/usr/bin/env python3
"""Mistake: prints ERROR <code> and exits 1, but says nothing on stderr: the student's user (and the grader) never
learns the server's message. Must lose SER-9."""
import sys

import classroom_client as client


def refused(reply):
    print("ERROR", reply.get("error"), flush=True)
    sys.exit(1)


client.refused = refused
client.main()
