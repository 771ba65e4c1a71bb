#!/usr/bin/env python3
"""SocketLab `sockets` client (see specs/sockets.md).

Usage: python3 sockets/client.py --host H --port N [MESSAGE...] [--log-level SPEC]

Reads the greeting, sends each MESSAGE (or, without MESSAGE, each stdin line) and reads its reply,
then sends BYE and reads until BYE and the server's close. Every line received is printed verbatim.
Exit codes: 0 done; 1 the server answered ERR; 2 usage error, connection refused, server closed
early, or 10 s without an owed answer.

The command line and the small helpers are given; each TODO is yours and cites its clause.
"""
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "sockets client"
TIMEOUT = 10.0
RECV_SIZE = 4096

log = logging.getLogger("sockets.client")


def emit(line):
    """Prints one line received (bytes, without LF) at once: stdout is flushed after every line."""
    out = sys.stdout.buffer
    out.write(line + b"\n")
    out.flush()


def is_err(line):
    return line == b"ERR" or line.startswith(b"ERR ")


def stdin_lines():
    """stdin lines as bytes, LF and one trailing CR removed; a last line without LF counts."""
    for raw in sys.stdin.buffer:
        line = raw[:-1] if raw.endswith(b"\n") else raw
        yield line[:-1] if line.endswith(b"\r") else line


def run(args):
    """The whole conversation; raises cli.Failure(message, code) to end with that exit code."""
    # TODO(SOCK-11): socket.create_connection((args.host, args.port), timeout=TIMEOUT); refused or timed out
    #   is cli.Failure("connection refused by ...", cli.INCOMPLETE). The timeout also bounds every recv():
    #   socket.timeout while an answer is owed is cli.Failure("no answer from the server ...", cli.INCOMPLETE).
    # TODO(SOCK-9): read lines with a buffer of your own (as the server's LineReader): the greeting first,
    #   emit() it; then send each MESSAGE (os.fsencode(m): the shell's bytes) and emit its answer before
    #   sending the next; a MESSAGE "BYE" is that final BYE. Then send "BYE" and emit every line until the
    #   server closes; if no "BYE" came back, that is cli.Failure(..., cli.INCOMPLETE).
    # TODO(SOCK-10): without MESSAGE, the messages are stdin_lines().
    # TODO(SOCK-9): an answer is_err(line): emit it, then cli.Failure("server refused: ...", cli.REFUSED).
    raise NotImplementedError("run")


def main():
    parser = cli.Parser(PROGRAM, "SocketLab sockets client")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("messages", nargs="*", metavar="MESSAGE")
    args = parser.parse(intermixed=True)   # options and MESSAGEs in any order
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    if any(b"\n" in os.fsencode(m) or b"\r" in os.fsencode(m) for m in args.messages):
        parser.error("a MESSAGE cannot contain a line break")
    run(args)


if __name__ == "__main__":
    cli.run(PROGRAM, "sockets", main)
