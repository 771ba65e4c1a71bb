#!/usr/bin/env python3
"""SocketLab `echo` client, TCP or UDP (see specs/echo.md).

Usage: python3 echo/client.py --host H --port N [--udp] [--timeout-ms T] [--log-level SPEC]

TCP: stdin -> socket and socket -> stdout, byte for byte, at the same time; at stdin EOF
half-close and read until the server closes. Exit 0, or 2 when the connection is refused, the
server closes before the end of our input, or an owed echo does not come for 10 s.

UDP: every stdin line is one datagram; wait T ms (default 1000) for its echo, send it at most 3
times; print each echo + LF; "LOST <line>" on stderr for lines never echoed. Exit 0 if every line
came back, else 1.

The command line and the small helpers are given; each TODO is yours and cites its clause.
"""
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "echo client"
TIMEOUT = 10.0
CHUNK = 65536
UDP_MAX_PAYLOAD = 65507
ATTEMPTS = 3

log = logging.getLogger("echo.client")


def stdin_lines():
    """stdin lines as bytes, LF and one trailing CR removed; a last line without LF counts."""
    for raw in sys.stdin.buffer:
        line = raw[:-1] if raw.endswith(b"\n") else raw
        yield line[:-1] if line.endswith(b"\r") else line


def run_tcp(host, port):
    """ECHO-8: pipes stdin through the server to stdout."""
    # TODO(ECHO-10): socket.create_connection((host, port), timeout=TIMEOUT); a refusal or a timeout is
    #   cli.Failure("cannot connect to ...", cli.INCOMPLETE).
    # TODO(ECHO-8): a daemon thread copies stdin to the socket (os.read(sys.stdin.fileno(), CHUNK) returns
    #   what is there, without waiting for a full buffer) and at its end calls sock.shutdown(socket.SHUT_WR);
    #   meanwhile this thread copies the socket to sys.stdout.buffer (flush after each chunk) until b"".
    # TODO(ECHO-10): the server closing before the end of stdin, or no echo for TIMEOUT s while one is
    #   owed (bytes sent and not yet echoed, or stdin ended), is cli.Failure(..., cli.INCOMPLETE). The
    #   stdin thread may still be blocked reading: end the process with os._exit(code) once it is decided.
    raise NotImplementedError("run_tcp")


def udp_exchange(sock, payload, timeout):
    """Sends ``payload`` up to ATTEMPTS times; True once the same payload comes back."""
    # TODO(ECHO-9): sock.send(payload), then wait up to ``timeout`` s for its echo (sock.settimeout of the
    #   time LEFT: other datagrams may come first). A datagram that is not this payload (a late echo of an
    #   earlier line) is skipped; socket.timeout means send again.
    raise NotImplementedError("udp_exchange")


def run_udp(host, port, timeout_ms):
    """ECHO-9: one datagram per stdin line."""
    # TODO(ECHO-9): a UDP socket connect()ed to the server (then it receives only the server's datagrams);
    #   for each of stdin_lines(): if len(line) <= UDP_MAX_PAYLOAD and udp_exchange(...) print the line,
    #   else write "LOST <line>" on stderr (flushed). Then sys.exit(1) if any line was lost (its LOST line
    #   is the report), else return (exit code 0).
    raise NotImplementedError("run_udp")


def main():
    parser = cli.Parser(PROGRAM, "SocketLab echo client (TCP, or UDP with --udp)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--udp", action="store_true", help="one datagram per stdin line")
    parser.add_argument("--timeout-ms", type=int, default=1000,
                        help="UDP: how long to wait for each echo (default 1000)")
    args = parser.parse()
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    if args.timeout_ms <= 0:
        parser.error("--timeout-ms must be a positive number of milliseconds")
    if args.udp:
        run_udp(args.host, args.port, args.timeout_ms)
    else:
        run_tcp(args.host, args.port)


if __name__ == "__main__":
    cli.run(PROGRAM, "echo", main)
