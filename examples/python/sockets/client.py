#!/usr/bin/env python3
"""SocketLab `sockets` client (see specs/sockets.md).

Usage: python3 sockets/client.py --host H --port N [MESSAGE...]

Reads the greeting, sends each MESSAGE (or, without MESSAGE, each stdin line)
and reads its reply, then sends BYE and reads until BYE and the server's close.
Every line received is printed verbatim. Exit codes: 0 done; 1 the server
answered ERR; 2 usage error, connection refused, server closed early, or 10 s
without an owed answer.
"""
import argparse
import os
import socket
import sys

TIMEOUT = 10.0
MAX_LINE = 8192
RECV_SIZE = 4096


class Failure(Exception):
    """Ends the client: message for stderr, exit code."""

    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


class LineReader:
    """Buffered LF line reader: one recv() is not one line."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = bytearray()
        self.eof = False

    def readline(self):
        """Next line (LF and one trailing CR removed), None at EOF."""
        while True:
            lf = self.buf.find(b"\n")
            if lf >= 0:
                line = bytes(self.buf[:lf])
                del self.buf[:lf + 1]
                return line[:-1] if line.endswith(b"\r") else line
            if self.eof:
                if self.buf:                  # last line without LF
                    line = bytes(self.buf)
                    self.buf.clear()
                    return line[:-1] if line.endswith(b"\r") else line
                return None
            try:
                chunk = self.sock.recv(RECV_SIZE)
            except socket.timeout:
                raise Failure("no answer from the server for %d s" % TIMEOUT, 2)
            except OSError as e:
                raise Failure("connection lost: %s" % (e.strerror or e), 2)
            if chunk:
                self.buf += chunk
            else:
                self.eof = True


def emit(line):
    out = sys.stdout.buffer
    out.write(line + b"\n")
    out.flush()


def is_err(line):
    return line == b"ERR" or line.startswith(b"ERR ")


def expect_line(reader, what):
    line = reader.readline()
    if line is None:
        raise Failure("server closed the connection before %s" % what, 2)
    emit(line)
    if is_err(line):
        raise Failure("server refused: %s" % line.decode("utf-8", "replace"), 1)
    return line


def send_line(sock, line):
    try:
        sock.sendall(line + b"\n")
    except socket.timeout:
        raise Failure("the server stopped reading for %d s" % TIMEOUT, 2)
    except OSError as e:
        raise Failure("server closed the connection early: %s" % (e.strerror or e), 2)


def stdin_lines():
    """stdin lines as bytes, LF and one trailing CR removed; a last line without LF counts."""
    for raw in sys.stdin.buffer:
        line = raw[:-1] if raw.endswith(b"\n") else raw
        yield line[:-1] if line.endswith(b"\r") else line


def run(args):
    # Command-line arguments go out as the bytes the shell gave us.
    if args.messages:
        messages = [os.fsencode(m) for m in args.messages]
        for m in messages:
            if b"\n" in m or b"\r" in m:
                raise Failure("usage error: a MESSAGE cannot contain a line break", 2)
    else:
        messages = stdin_lines()

    try:
        sock = socket.create_connection((args.host, args.port), timeout=TIMEOUT)
    except ConnectionRefusedError:
        raise Failure("connection refused by %s:%d" % (args.host, args.port), 2)
    except socket.timeout:
        raise Failure("cannot connect to %s:%d: timed out" % (args.host, args.port), 2)
    except OSError as e:
        raise Failure("cannot connect to %s:%d: %s" % (args.host, args.port, e.strerror or e), 2)

    with sock:
        reader = LineReader(sock)
        expect_line(reader, "its greeting")
        for message in messages:
            if message == b"BYE":             # a literal BYE ends the conversation
                break
            send_line(sock, message)
            expect_line(reader, "answering every message")
        send_line(sock, b"BYE")
        seen_bye = False
        while True:                           # read until BYE and then EOF
            line = reader.readline()
            if line is None:
                break
            emit(line)
            if line == b"BYE":
                seen_bye = True
            elif is_err(line):
                raise Failure("server refused: %s" % line.decode("utf-8", "replace"), 1)
        if not seen_bye:
            raise Failure("server closed the connection without answering BYE", 2)
    return 0


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab sockets client")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("messages", nargs="*", metavar="MESSAGE")
    # intermixed: options and MESSAGEs may come in any order
    args = parser.parse_intermixed_args()
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    try:
        code = run(args)
    except Failure as f:
        sys.stdout.flush()
        sys.stderr.write("%s\n" % f)
        sys.stderr.flush()
        code = f.code
    sys.exit(code)


if __name__ == "__main__":
    main()
