#!/usr/bin/env python3
"""SocketLab `sockets` server: greeting, byte counts, BYE (see specs/sockets.md).

Usage: python3 sockets/server.py --port N [--host H]

Per connection: send "HELLO <name>", answer every line with "RECEIVED <n>"
(n = bytes of the line without LF / trailing CR), answer "BYE" with "BYE" and
close. Lines longer than 8192 bytes get "ERR line-too-long" and a close.
One thread per connection, so a silent client never blocks the others.
"""
import argparse
import os
import signal
import socket
import sys
import threading
import time

SERVER_NAME = "socketlab-python"
MAX_LINE = 8192          # bytes of content, without LF and the optional CR
RECV_SIZE = 4096
DRAIN_SECONDS = 2.0      # how long a closing connection waits for the peer's EOF
DRAIN_LIMIT = 1 << 20    # bytes discarded at most while draining


class LineTooLong(Exception):
    pass


class LineReader:
    """Reads LF-terminated lines from a socket with its own buffer.

    TCP is a byte stream: one recv() may hold part of a line or several lines,
    so bytes are kept until an LF shows up. The buffer never grows past one
    maximal line (+ CR), however much the peer sends without an LF.
    """

    def __init__(self, sock):
        self.sock = sock
        self.buf = bytearray()
        self.eof = False

    def readline(self):
        """Next line without LF and without one trailing CR; None at EOF.

        A final line cut off by EOF (no LF) is still returned as a line.
        """
        while True:
            lf = self.buf.find(b"\n")
            if lf >= 0:
                line = bytes(self.buf[:lf])
                del self.buf[:lf + 1]
                return self._finish(line)
            # No LF yet: fail early once the content is surely over the limit
            # (MAX_LINE bytes plus a possible CR is the longest legal prefix).
            if len(self.buf) > MAX_LINE + 1 or (
                    len(self.buf) == MAX_LINE + 1 and self.buf[-1] != 0x0D):
                raise LineTooLong()
            if self.eof:
                if self.buf:
                    line = bytes(self.buf)
                    self.buf.clear()
                    return self._finish(line)
                return None
            chunk = self.sock.recv(RECV_SIZE)
            if not chunk:
                self.eof = True
            else:
                self.buf += chunk

    @staticmethod
    def _finish(line):
        if line.endswith(b"\r"):
            line = line[:-1]
        if len(line) > MAX_LINE:
            raise LineTooLong()
        return line


def close_gracefully(sock):
    """Half-close, let the peer read what we sent, then close.

    Closing a socket that still has unread input makes the kernel send a TCP
    reset, which can destroy our last reply before the peer reads it; so we
    shut down our side and discard input until the peer's EOF (bounded).
    """
    try:
        sock.shutdown(socket.SHUT_WR)
        sock.settimeout(DRAIN_SECONDS)
        drained = 0
        while drained < DRAIN_LIMIT:
            chunk = sock.recv(RECV_SIZE)
            if not chunk:
                break
            drained += len(chunk)
    except OSError:
        pass
    finally:
        sock.close()


def serve(conn, addr):
    reader = LineReader(conn)
    try:
        conn.sendall(("HELLO %s\n" % SERVER_NAME).encode("utf-8"))
        while True:
            try:
                line = reader.readline()
            except LineTooLong:
                conn.sendall(b"ERR line-too-long\n")
                break
            if line is None:          # the client closed without BYE
                break
            if line == b"BYE":
                conn.sendall(b"BYE\n")
                break
            # len() of bytes: UTF-8 bytes, whether or not the line is valid UTF-8.
            conn.sendall(b"RECEIVED %d\n" % len(line))
    except OSError as e:              # reset, broken pipe, ...: drop this client only
        print("client %s: %s" % (addr, e), file=sys.stderr, flush=True)
    finally:
        close_gracefully(conn)


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab sockets server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0",
                        help="address to bind (default: all IPv4 interfaces)")
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, lambda *_: os._exit(0))

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    try:
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((args.host, args.port))
        listener.listen(128)
    except OSError as e:
        sys.stderr.write("cannot listen on %s:%d: %s\n" % (args.host, args.port, e))
        sys.exit(2)
    print("sockets server listening on %s:%d" % (args.host, args.port), flush=True)

    while True:
        try:
            conn, addr = listener.accept()
        except OSError as e:          # e.g. ECONNABORTED, EMFILE: keep serving
            print("accept: %s" % e, file=sys.stderr, flush=True)
            time.sleep(0.05)
            continue
        threading.Thread(target=serve, args=(conn, addr), daemon=True).start()


if __name__ == "__main__":
    main()
