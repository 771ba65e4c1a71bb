#!/usr/bin/env python3
"""Your project's server (specs/project.md): choose the protocol, keep the command line.

Usage: python3 project/server.py --port N [--host H] [--log-level SPEC]
       python3 project/server.py --help

Describe your protocol here and in your README: what each command does, with an example conversation.
Test its logic without sockets, and the server through a real loopback socket, in tests/test_project*.py.
"""
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "project server"
USAGE = "python3 project/server.py --port N [--host H]"

log = logging.getLogger("project.server")


def print_help():
    # TODO(PROJ-1): print on stdout a usage text: the synopsis (USAGE), what the server does, its protocol in a
    #   few lines, and every option (--port, --host, --help). main() then returns: exit code 0.
    raise NotImplementedError("print_help")


def serve(host, port):
    """Listens on (host, port) and serves clients until the process is terminated."""
    # TODO(PROJ-2): a TCP socket with SO_REUSEADDR bound to (host, port); an OSError is
    #   cli.Failure("cannot listen on ...", cli.USAGE). Accept clients and serve each (a thread per client if
    #   they talk at once).
    # TODO(PROJ-3): SIGTERM ends the server with exit code 0: signal.signal(signal.SIGTERM, lambda *_: os._exit(0)).
    raise NotImplementedError("serve")


def main():
    parser = cli.Parser(PROGRAM, "Your project's server", add_help=False)
    parser.add_argument("--help", action="store_true", help="print the usage text and exit")
    parser.add_argument("--port", type=int)
    parser.add_argument("--host", default="0.0.0.0")
    args = parser.parse()
    if args.help:
        print_help()          # PROJ-1
        return
    if args.port is None:
        parser.error("--port is required (usage: %s)" % USAGE)
    serve(args.host, args.port)


if __name__ == "__main__":
    cli.run(PROGRAM, "project", main)
