#!/usr/bin/env python3
"""SocketLab `quiz` client (see specs/quiz.md).

Usage: python3 quiz/client.py --host H --port N --team T [--log-level SPEC]

Sends "JOIN T" and prints every server line verbatim, as it arrives. Each QUESTION is answered with
the next stdin line ("ANSWER <line>"). stdin is read by its own thread, so waiting for the player
never delays printing. Exit codes: 0 after GAMEOVER and the server's close; 1 the JOIN was refused
(ERR before WELCOME); 2 usage error, connection refused, the server closed the connection before
GAMEOVER, or 10 s without an owed answer (WELCOME after JOIN, ACCEPTED after ANSWER, the close
after GAMEOVER).

The command line is given; each TODO is yours and cites the clause of specs/quiz.md it implements.
"""
import logging
import os
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "quiz client"
TIMEOUT = 10.0
RECV_SIZE = 65536
MAX_SERVER_LINE = 1 << 20    # refuse to buffer a "line" without limit

log = logging.getLogger("quiz.client")
out_lock = threading.Lock()


def emit(line):
    with out_lock:
        sys.stdout.buffer.write(line + b"\n")
        sys.stdout.buffer.flush()


def finish(code, message=None):
    """Ends the process from any thread (the stdin thread may be blocked in a read)."""
    with out_lock:
        sys.stdout.flush()
        if message:
            sys.stderr.write("%s\n" % message)
            sys.stderr.flush()
        os._exit(code)


def play(sock, team):
    """The whole game on a connected socket; ends the process with finish()."""
    # TODO(QUIZ-12): send "JOIN <team>"; then read the server's lines with a buffer of your own and emit()
    #   each one verbatim AS IT ARRIVES: stdin is read by another (daemon) thread, never by this one.
    # TODO(QUIZ-12): the n-th stdin line answers the n-th QUESTION ("ANSWER <line>"), whichever comes first:
    #   keep stdin lines and questions not yet paired, under one lock that also guards every write to sock.
    #   At the end of stdin nothing more is sent.
    # TODO(QUIZ-13): "ERR ..." before WELCOME is finish(1, "join refused: ..."); after GAMEOVER the server's
    #   close is finish(0); a close before GAMEOVER is finish(2, ...). Owed within TIMEOUT s, or finish(2):
    #   WELCOME after JOIN, a line after an ANSWER, the close after GAMEOVER (select.select with a timeout).
    raise NotImplementedError("play")


def main():
    parser = cli.Parser(PROGRAM, "SocketLab quiz client")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--team", required=True)
    args = parser.parse()
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    team = os.fsencode(args.team)
    if b"\n" in team or b"\r" in team:
        parser.error("--team cannot contain a line break")
    # TODO(QUIZ-13): socket.create_connection((args.host, args.port), timeout=TIMEOUT); refused or timed out
    #   is finish(2, "connection refused by ..."). Then play(sock, team).
    raise NotImplementedError("the client's connection")


if __name__ == "__main__":
    cli.run(PROGRAM, "quiz", main)
