#!/usr/bin/env python3
"""SocketLab `echo` client, TCP or UDP (see specs/echo.md).

Usage: python3 echo/client.py --host H --port N [--udp] [--timeout-ms T]

TCP: stdin -> socket and socket -> stdout, byte for byte, at the same time;
at stdin EOF half-close and read until the server closes. Exit 0, or 2 when
the connection is refused, the server closes before the end of our input, or
an owed echo does not come for 10 s.

UDP: every stdin line is one datagram; wait T ms (default 1000) for its echo,
send it at most 3 times; print each echo + LF; "LOST <line>" on stderr for
lines never echoed. Exit 0 if every line came back, else 1.
"""
import argparse
import os
import select
import socket
import sys
import threading
import time

TIMEOUT = 10.0
CHUNK = 65536
UDP_MAX_PAYLOAD = 65507
ATTEMPTS = 3


def die(message, code):
    """Report on one stderr line and exit at once (a thread may still be
    blocked reading stdin, so skip the interpreter's shutdown)."""
    try:
        sys.stdout.flush()
    except OSError:
        pass
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
    os._exit(code)


def connect_tcp(host, port):
    try:
        return socket.create_connection((host, port), timeout=TIMEOUT)
    except ConnectionRefusedError:
        die("connection refused by %s:%d" % (host, port), 2)
    except socket.timeout:
        die("cannot connect to %s:%d: timed out" % (host, port), 2)
    except OSError as e:
        die("cannot connect to %s:%d: %s" % (host, port, e.strerror or e), 2)


class Pump:
    """Shared state between the stdin->socket thread and the main thread."""

    def __init__(self, sock):
        self.sock = sock
        self.sent = 0              # bytes handed to the socket
        self.received = 0          # bytes read back
        self.input_done = False    # stdin EOF reached and our side half-closed

    def stdin_to_socket(self):
        fd = sys.stdin.fileno()
        try:
            while True:
                data = os.read(fd, CHUNK)   # returns what is there: no waiting for a full buffer
                if not data:
                    break
                self.sent += len(data)
                self.sock.sendall(data)
            self.input_done = True
            self.sock.shutdown(socket.SHUT_WR)
        except OSError:
            # The server went away; the main thread sees the close and reports it.
            pass


def run_tcp(host, port):
    sock = connect_tcp(host, port)
    # Blocking, with no timeout: a socket's timeout is shared by both threads, and one short enough to keep the
    # receiving clock would cut the sender's sendall() short whenever the server is slow to read. The receiving
    # side keeps its own clock with select() instead.
    sock.settimeout(None)
    pump = Pump(sock)
    threading.Thread(target=pump.stdin_to_socket, daemon=True).start()

    out = sys.stdout.buffer
    waiting_since = None           # when we started waiting for an owed answer
    while True:
        readable, _, _ = select.select([sock], [], [], 0.5)
        if not readable:
            owed = pump.input_done or pump.sent > pump.received
            if not owed:
                waiting_since = None
            elif waiting_since is None:
                waiting_since = time.monotonic()
            elif time.monotonic() - waiting_since >= TIMEOUT:
                die("no answer from the server for %d s" % TIMEOUT, 2)
            continue
        try:
            data = sock.recv(CHUNK)
        except OSError as e:
            die("connection lost: %s" % (e.strerror or e), 2)
        if not data:
            if pump.input_done:
                break
            die("server closed the connection before the end of the input", 2)
        waiting_since = None
        pump.received += len(data)
        try:
            out.write(data)
            out.flush()
        except OSError as e:
            die("cannot write to stdout: %s" % (e.strerror or e), 2)
    sock.close()
    out.flush()
    os._exit(0)


def stdin_lines():
    """stdin lines as bytes, LF and one trailing CR removed; a last line without LF counts."""
    for raw in sys.stdin.buffer:
        line = raw[:-1] if raw.endswith(b"\n") else raw
        yield line[:-1] if line.endswith(b"\r") else line


def udp_exchange(sock, payload, timeout):
    """Send payload up to ATTEMPTS times; True once the same payload comes back."""
    for _ in range(ATTEMPTS):
        try:
            sock.send(payload)
        except ConnectionRefusedError:
            # An ICMP error left over from an earlier datagram: it is consumed
            # now, so this send did not happen; try it once more.
            try:
                sock.send(payload)
            except OSError:
                continue
        except OSError:
            continue
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            sock.settimeout(remaining)
            try:
                reply = sock.recv(65535)
            except socket.timeout:
                break
            except ConnectionRefusedError:   # port unreachable: nobody answers yet
                continue
            except OSError:
                continue
            if reply == payload:
                return True
            # otherwise: a late or foreign reply; ignore it and keep waiting
    return False


def run_udp(host, port, timeout_ms):
    try:
        infos = socket.getaddrinfo(host, port, 0, socket.SOCK_DGRAM)
    except socket.gaierror as e:
        die("cannot resolve %s: %s" % (host, e), 2)
    family, kind, proto, _, addr = infos[0]
    sock = socket.socket(family, kind, proto)
    # A connected UDP socket only receives datagrams from the server's address.
    sock.connect(addr)

    out = sys.stdout.buffer
    err = sys.stderr.buffer
    lost = 0
    for line in stdin_lines():
        if len(line) <= UDP_MAX_PAYLOAD and udp_exchange(sock, line, timeout_ms / 1000.0):
            out.write(line + b"\n")
            out.flush()
        else:
            lost += 1
            err.write(b"LOST " + line + b"\n")
            err.flush()
    sock.close()
    sys.exit(1 if lost else 0)


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab echo client (TCP, or UDP with --udp)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--udp", action="store_true", help="one datagram per stdin line")
    parser.add_argument("--timeout-ms", type=int, default=1000,
                        help="UDP: how long to wait for each echo (default 1000)")
    args = parser.parse_args()
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    if args.timeout_ms <= 0:
        parser.error("--timeout-ms must be a positive number of milliseconds")
    if args.udp:
        run_udp(args.host, args.port, args.timeout_ms)
    else:
        run_tcp(args.host, args.port)


if __name__ == "__main__":
    main()
