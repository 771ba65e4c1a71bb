"""What the hostile programs share: what the test told them (probe.json beside them), how a client says it got
out of its sandbox (a line on stdout, which the grader compares), and a daemon that outlives whoever started it.

Each program does its hostile act, then runs the correct Python sockets server or client (server.py, client.py,
copied beside it by the test from examples/python/sockets), so every point it loses is the hostile act's doing.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

# A process that ignores SIGTERM and SIGHUP, holds a listening port and sleeps; its last argument is the marker the
# test looks for among the machine's processes afterwards.
LINGER = """
import signal, socket, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
signal.signal(signal.SIGHUP, signal.SIG_IGN)
held = socket.socket()
held.bind(("127.0.0.1", 0))
held.listen()
while True:
    time.sleep(60)
"""


def probe():
    with open(os.path.join(HERE, "probe.json"), encoding="utf-8") as f:
        return json.load(f)


def escaped(what):
    """A client's first line on stdout: the grader sees output it did not expect, and the test sees why."""
    print("ESCAPED " + what, flush=True)


def linger_command():
    return [sys.executable, "-c", LINGER, probe()["marker"]]


def serve():
    import server
    server.main()


def connect():
    import client
    client.main()
