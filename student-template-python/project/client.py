#!/usr/bin/env python3
"""Your project's client (specs/project.md).

Usage: python3 project/client.py --host H --port N [ARGUMENT...] [--log-level SPEC]
       python3 project/client.py --help
"""
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "project client"
USAGE = "python3 project/client.py --host H --port N [ARGUMENT...]"

log = logging.getLogger("project.client")


def print_help():
    # TODO(PROJ-7): print on stdout a usage text: the synopsis (USAGE), what the client does and every option.
    #   main() then returns: exit code 0.
    raise NotImplementedError("print_help")


def run(host, port, arguments):
    # TODO(PROJ-8): socket.create_connection((host, port), timeout=10); a refused connection is
    #   cli.Failure("connection refused by ...", cli.INCOMPLETE) (exit 2, one line on stderr).
    # TODO: talk your protocol; an ERR-like refusal from the server is cli.Failure(..., cli.REFUSED) (exit 1).
    raise NotImplementedError("run")


def main():
    parser = cli.Parser(PROGRAM, "Your project's client", add_help=False)
    parser.add_argument("--help", action="store_true", help="print the usage text and exit")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int)
    parser.add_argument("arguments", nargs="*", metavar="ARGUMENT")
    args = parser.parse(intermixed=True)
    if args.help:
        print_help()          # PROJ-7
        return
    if args.port is None:
        parser.error("--port is required (usage: %s)" % USAGE)
    run(args.host, args.port, args.arguments)


if __name__ == "__main__":
    cli.run(PROGRAM, "project", main)
