#!/usr/bin/env python3
"""Mistake: print() without flush=True. On a terminal each line shows at once; when stdout is a pipe (as for the
grader, or any program reading the receiver's output) Python buffers it in blocks of 8 KiB, so no FRAME line appears
until the buffer fills or the receiver exits. Must lose US-1."""
import classroom_server as server


def announce(number, received, height):
    print("FRAME %d %d/%d" % (number, received, height))


server.announce = announce
server.main()
