#!/usr/bin/env python3
"""A sample free project: a small key-value store over TCP (see specs/project.md).

Usage: python3 project/server.py --port N [--host H]
       python3 project/server.py --help

One thread per client; one lock around the store. The protocol is in HELP below.
"""
import argparse
import os
import signal
import socket
import sys
import threading

USAGE = "python3 project/server.py --port N [--host H]"
HELP = """Usage: %s
A key-value store over TCP. Each line a client sends is a command, answered by one line:
  PUT <key> <value>   store a value (it may contain spaces)  -> OK
  GET <key>           read it                                -> VALUE <value> | ERR not-found
  DEL <key>           delete it                              -> OK | ERR not-found
  SIZE                how many keys are stored               -> SIZE <n>
  QUIT                end the conversation                   -> BYE, then the server closes
Anything else gets "ERR unknown-command <command>"; a malformed command "ERR usage: ...".

Options:
  --port N   the TCP port to listen on (required)
  --host H   the address to listen on (default: every IPv4 interface)
  --help     print this help and exit
""" % USAGE
MAX_LINE = 8192


class Store:
    """The store and its command language: one line in, one line out. Safe to share between threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = {}

    def execute(self, line):
        """Runs one command line (str) and returns the reply line (without LF)."""
        words = line.strip().split(" ", 2)
        command = words[0]
        with self.lock:
            if command == "PUT":
                if len(words) < 3 or not words[1]:
                    return "ERR usage: PUT <key> <value>"
                self.entries[words[1]] = words[2]
                return "OK"
            if command == "GET":
                if len(words) != 2:
                    return "ERR usage: GET <key>"
                value = self.entries.get(words[1])
                return "ERR not-found" if value is None else "VALUE " + value
            if command == "DEL":
                if len(words) != 2:
                    return "ERR usage: DEL <key>"
                return "OK" if self.entries.pop(words[1], None) is not None else "ERR not-found"
            if command == "SIZE":
                return "SIZE %d" % len(self.entries)
            return "ERR unknown-command " + command


def serve_client(conn, store):
    """One client: a command per line, a reply per command, until QUIT, the close or a line too long."""
    with conn:
        reader = conn.makefile("rb")
        while True:
            raw = reader.readline(MAX_LINE + 2)
            if not raw or not raw.endswith(b"\n"):
                return                      # closed, or a line too long: close
            line = raw.rstrip(b"\r\n").decode("utf-8", "replace")
            if line == "QUIT":
                conn.sendall(b"BYE\n")
                return
            conn.sendall(store.execute(line).encode("utf-8") + b"\n")


def listen(host, port):
    """A TCP socket listening on (host, port); port 0 picks a free one."""
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen(64)
    return listener


def accept_forever(listener, store):
    """Serves every client on a thread of its own, until the listener is closed."""
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            if listener.fileno() == -1:
                return                      # closed: stop
            continue
        threading.Thread(target=serve_client, args=(conn, store), daemon=True).start()


def main():
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--help", action="store_true")
    parser.add_argument("--port", type=int)
    parser.add_argument("--host", default="0.0.0.0")
    args, unknown = parser.parse_known_args()
    if args.help:
        print(HELP, end="", flush=True)
        return
    if unknown or args.port is None:
        sys.stderr.write("usage error: expected %s\n" % USAGE)
        sys.exit(2)
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    try:
        listener = listen(args.host, args.port)
    except OSError as e:
        sys.stderr.write("cannot listen on %s:%d: %s\n" % (args.host, args.port, e))
        sys.exit(2)
    accept_forever(listener, Store())


if __name__ == "__main__":
    main()
