"""Hostile sockets server: forks without end (every child forks too) and never listens. The sandbox's task limit
must stop it, and grading must end in bounded time with a verdict naming that limit."""
import os
import time

while True:
    try:
        os.fork()
    except OSError:
        time.sleep(0.01)
