"""Hostile sockets server: serves correctly while a thread floods stdout with lines and with runs that never end
in a newline. The grader must drain it without its memory growing."""
import sys
import threading

import hostile


def flood():
    line = b"flood " * 100 + b"\n"
    run = b"x" * (64 * 1024)
    out = sys.stdout.buffer
    while True:
        out.write(line * 100)
        out.write(run)


threading.Thread(target=flood, daemon=True).start()
hostile.serve()
