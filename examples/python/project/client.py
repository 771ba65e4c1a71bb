#!/usr/bin/env python3
"""The sample project's client: sends commands to the key-value store and prints the replies.

Usage: python3 project/client.py --host H --port N COMMAND...
       python3 project/client.py --help
"""
import argparse
import socket
import sys

USAGE = "python3 project/client.py --host H --port N COMMAND..."
HELP = """Usage: %s
Sends each COMMAND (e.g. "PUT colour blue", "GET colour") to the key-value store as one line, prints
each reply, then says QUIT. Exit code 0; 1 if a reply was ERR; 2 if the server could not be reached or
closed early.

Options:
  --host H   the server's address (default 127.0.0.1)
  --port N   the server's TCP port (required)
  --help     print this help and exit
""" % USAGE
TIMEOUT = 10.0


def converse(host, port, commands, out):
    """Sends ``commands``, writes each reply line to ``out``; the exit code, or (2, reason) on failure."""
    try:
        conn = socket.create_connection((host, port), timeout=TIMEOUT)
    except OSError as e:
        return 2, "cannot connect to %s:%d: %s" % (host, port, e.strerror or e)
    refused = False
    with conn:
        replies = conn.makefile("rb")
        try:
            for command in commands + ["QUIT"]:
                conn.sendall(command.encode("utf-8") + b"\n")
                reply = replies.readline()
                if not reply:
                    return 2, "the server closed the connection"
                text = reply.decode("utf-8", "replace").rstrip("\r\n")
                out.write(text + "\n")
                refused = refused or text.startswith("ERR")
        except OSError as e:
            return 2, "connection lost: %s" % (e.strerror or e)
    return (1, "the server refused a command") if refused else (0, None)


def main():
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--help", action="store_true")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int)
    parser.add_argument("commands", nargs="*")
    args, unknown = parser.parse_known_intermixed_args()
    if args.help:
        print(HELP, end="", flush=True)
        return
    if unknown or args.port is None:
        sys.stderr.write("usage error: expected %s\n" % USAGE)
        sys.exit(2)
    code, reason = converse(args.host, args.port, args.commands, sys.stdout)
    sys.stdout.flush()
    if reason:
        sys.stderr.write(reason + "\n")
    sys.exit(code)


if __name__ == "__main__":
    main()
