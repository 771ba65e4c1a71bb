#!/usr/bin/env python3
"""SocketLab `echo` server, TCP and UDP on one port number (RFC 862; see specs/echo.md).

Usage: python3 echo/server.py --port N [--host H] [--log-level SPEC]

TCP: one thread per connection sends back every byte it receives; when the client half-closes,
the server finishes and closes. UDP: every datagram goes back, as one datagram, to the address
and port it came from.

The command line is given; each TODO is yours and cites the clause of specs/echo.md it implements.
"""
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "echo server"
TCP_CHUNK = 65536
UDP_MAX = 65535          # larger than any IPv4 UDP payload (65507), so nothing is truncated

log = logging.getLogger("echo.server")


def echo_tcp(conn, addr):
    """Echoes one TCP connection until the client's EOF, then closes it."""
    # TODO(ECHO-1): recv(TCP_CHUNK) and sendall() what came, unchanged (bytes: never decode them).
    # TODO(ECHO-4): one chunk at a time: sendall() blocks while the client does not read, and that is
    #   right: never read everything first.
    # TODO(ECHO-2): recv() returning b"" is the client's half-close: everything is echoed already, so
    #   conn.shutdown(socket.SHUT_WR) and stop.
    # TODO(ECHO-6): an OSError (reset, broken pipe) ends this connection only: log.debug it. Close conn at
    #   the end, whatever happened (try/finally).
    raise NotImplementedError("echo_tcp")


def serve_udp(usock):
    """Sends every datagram back to where it came from, forever."""
    # TODO(ECHO-5): data, addr = usock.recvfrom(UDP_MAX); usock.sendto(data, addr), even for 0 bytes.
    #   An OSError (a late ICMP error) costs one datagram: log it and go on.
    raise NotImplementedError("serve_udp")


def serve_tcp(listener):
    """Accepts TCP connections forever, each echoed on a thread of its own."""
    # TODO(ECHO-3): accept(), then threading.Thread(target=echo_tcp, args=(conn, addr), daemon=True).start():
    #   a slow or silent client must delay nobody. An OSError from accept() must not end the loop.
    raise NotImplementedError("serve_tcp")


def main():
    parser = cli.Parser(PROGRAM, "SocketLab echo server (TCP and UDP)")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0", help="address to bind (default: all IPv4 interfaces)")
    args = parser.parse()
    # TODO(ECHO-7): SIGTERM ends the server with exit code 0:
    #   signal.signal(signal.SIGTERM, lambda *_: os._exit(0)).
    # TODO(ECHO-5, ECHO-7): a TCP listener (SO_REUSEADDR, listen(256)) and a UDP socket, both bound to
    #   (args.host, args.port); an OSError is raise cli.Failure("cannot listen on ...", cli.USAGE).
    # TODO(ECHO-3): serve_udp(usock) on a daemon thread, then serve_tcp(listener) in this one.
    raise NotImplementedError("the server's sockets")


if __name__ == "__main__":
    cli.run(PROGRAM, "echo", main)
