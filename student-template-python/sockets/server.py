#!/usr/bin/env python3
"""SocketLab `sockets` server: greeting, byte counts, BYE (see specs/sockets.md).

Usage: python3 sockets/server.py --port N [--host H] [--log-level SPEC]

Per connection: send "HELLO <name>", answer every line with "RECEIVED <n>" (n = bytes of the line
without LF / trailing CR), answer "BYE" with "BYE" and close. Lines longer than 8192 bytes get
"ERR line-too-long" and a close. One thread per connection, so a silent client never blocks the others.

The command line is given; each TODO is yours and cites the clause of specs/sockets.md it implements.
"""
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "sockets server"
SERVER_NAME = "socketlab-python"
MAX_LINE = 8192          # bytes of content, without LF and the optional CR
RECV_SIZE = 4096
DRAIN_SECONDS = 2.0      # how long a closing connection waits for the peer's EOF
DRAIN_LIMIT = 1 << 20    # bytes discarded at most while draining

log = logging.getLogger("sockets.server")


class LineTooLong(Exception):
    pass


class LineReader:
    """Reads LF-terminated lines from a socket with its own buffer.

    TCP is a byte stream: one recv() may hold part of a line or several lines,
    so bytes are kept until an LF shows up.
    """

    def __init__(self, sock):
        self.sock = sock
        self.buf = bytearray()
        self.eof = False

    def readline(self):
        """Next line without LF and without one trailing CR; None at EOF.

        A final line cut off by EOF (no LF) is still returned as a line.
        """
        # TODO(SOCK-3): look for b"\n" in self.buf; if it is there, cut the line off the buffer and return it
        #   without its LF and one trailing CR. Otherwise recv(RECV_SIZE) more and look again: a line may
        #   arrive one byte at a time, and several lines in one recv(). recv() returning b"" is EOF.
        # TODO(SOCK-4): raise LineTooLong as soon as the line is surely longer than MAX_LINE bytes (one more
        #   byte is fine if it is the CR of a CRLF): never let the buffer grow without limit.
        raise NotImplementedError("LineReader.readline")


def close_gracefully(sock):
    """Half-close, let the peer read what we sent, then close."""
    # TODO(SOCK-4, SOCK-5): closing a socket with unread input sends a TCP reset, which can destroy our last
    #   reply: sock.shutdown(socket.SHUT_WR), then recv() and discard until b"", DRAIN_SECONDS or DRAIN_LIMIT
    #   bytes (sock.settimeout), then sock.close(), whatever OSError happens on the way.
    raise NotImplementedError("close_gracefully")


def serve(conn, addr):
    """One client's conversation, from its greeting to BYE."""
    # TODO(SOCK-1): send "HELLO <SERVER_NAME>\n" first (sendall, never send: send may write part of it).
    # TODO(SOCK-2): answer each line with "RECEIVED <n>", n = len(line) in BYTES (never decode the line).
    # TODO(SOCK-4): on LineTooLong, send "ERR line-too-long" and close. TODO(SOCK-5): "BYE" gets "BYE",
    #   then close; both closes with close_gracefully(conn). A client closing without BYE just ends.
    # TODO(SOCK-6): an OSError (reset, broken pipe) ends this client only: log.debug it and close.
    # The log (docs/logging.md): log.debug("%s: connection opened", addr) and the like at each decision.
    raise NotImplementedError("serve")


def main():
    parser = cli.Parser(PROGRAM, "SocketLab sockets server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0", help="address to bind (default: all IPv4 interfaces)")
    args = parser.parse()
    # TODO(SOCK-8): SIGTERM ends the server with exit code 0:
    #   signal.signal(signal.SIGTERM, lambda *_: os._exit(0)).
    # TODO(SOCK-8): a TCP socket with SO_REUSEADDR, bound to (args.host, args.port), listen(); an OSError here
    #   is raise cli.Failure("cannot listen on ...", cli.USAGE): exit code 2 and one line on stderr.
    # TODO(SOCK-7): accept() clients forever, each served by serve(conn, addr) on a threading.Thread of its
    #   own (daemon=True); an OSError from accept() is logged (log.warning) and the loop goes on.
    raise NotImplementedError("the server's socket")


if __name__ == "__main__":
    cli.run(PROGRAM, "sockets", main)
