#!/usr/bin/env python3
"""SocketLab `serialization` client (see specs/serialization.md).

Usage: python3 serialization/client.py --host H --port N [--list] [--log-level SPEC]

Without --list: sends this machine's report and prints "OK <id>". With --list: prints every stored
report as one line of compact JSON. An error response prints "ERROR <code>" and exits 1; a refused
connection, an early close or 10 s of silence exit 2.

The command line and the report's facts are given; each TODO is yours and cites its clause.
"""
import datetime
import json
import logging
import os
import platform
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "serialization client"
TIMEOUT = 10.0
MAX_FRAME = 1048576
RECV_SIZE = 65536
MAX_STRING = 256

log = logging.getLogger("serialization.client")


def text_field(value, fallback):
    """A non-empty string of at most 256 code points."""
    value = (value or "").strip() or fallback
    return value[:MAX_STRING]


def this_machine():
    """SER-9: the report this client sends, with the facts of the machine it runs on."""
    return {
        "type": "report",
        "hostname": text_field(socket.gethostname(), "localhost"),
        "timestamp": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "runtime": text_field("Python " + platform.python_version(), "Python"),
        "os": text_field((platform.system() + " " + platform.release()).strip(), "unknown"),
    }


def emit(line):
    out = sys.stdout.buffer
    out.write(line.encode("utf-8", "backslashreplace") + b"\n")
    out.flush()


def compact(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def exchange(host, port, request):
    """Sends one request frame and returns the response object (a dict with "status": "ok")."""
    # TODO(SER-11): socket.create_connection((host, port), timeout=TIMEOUT); refused, timed out, closed
    #   early or silent for TIMEOUT s is cli.Failure(..., cli.INCOMPLETE).
    # TODO(SER-1): send the frame (4-byte big-endian length, then the UTF-8 JSON) in one sendall(); read the
    #   4-byte length and exactly that many bytes, looping over recv().
    # TODO(SER-9): an error response: emit("ERROR <code>"), then cli.Failure(..., cli.REFUSED). A reply that
    #   is not JSON, or has no "status", is cli.Failure("invalid reply ...", cli.INCOMPLETE).
    raise NotImplementedError("exchange")


def run(args):
    # TODO(SER-10): --list: exchange {"type": "list"} and emit(compact(report)) for each of "reports".
    # TODO(SER-9): otherwise exchange this_machine() and emit("OK <id>").
    raise NotImplementedError("run")


def main():
    parser = cli.Parser(PROGRAM, "SocketLab serialization client")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--list", action="store_true", help="print the stored reports")
    args = parser.parse()
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    run(args)


if __name__ == "__main__":
    cli.run(PROGRAM, "serialization", main)
