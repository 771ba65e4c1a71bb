#!/usr/bin/env python3
"""A correct file-transfer client in the classroom style (specs/file-transfer.md, FT-10..13).

The variants beside it import this module, replace one function with a classroom habit, and call main().
"""
import hashlib
import os
import socket
import sys
import tempfile

TIMEOUT = 10


class Conn:
    def __init__(self, sock):
        self.sock = sock
        self.pending = b""

    def more(self):
        data = self.sock.recv(65536)
        if not data:
            fail(2, "the server closed the connection before its reply")
        self.pending += data


def fail(code, message):
    """One line on stderr, then exit with code."""
    sys.stdout.flush()
    print(message, file=sys.stderr, flush=True)
    sys.exit(code)


def connect(host, port):
    try:
        sock = socket.create_connection((host, port), timeout=TIMEOUT)
    except OSError as e:
        fail(2, "cannot connect to %s:%d: %s" % (host, port, e))
    sock.settimeout(TIMEOUT)
    return Conn(sock)


def read_line(conn):
    while b"\n" not in conn.pending:
        conn.more()
    line, conn.pending = conn.pending.split(b"\n", 1)
    return (line[:-1] if line.endswith(b"\r") else line).decode("utf-8", "replace")


def refused_if_err(line):
    if line == "ERR" or line.startswith("ERR "):
        fail(1, line)


def put(conn, path, name):
    size = os.path.getsize(path)
    digest = hashlib.sha256()
    conn.sock.sendall(("PUT %s %d\n" % (name, size)).encode())
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(65536), b""):
                digest.update(chunk)
                conn.sock.sendall(chunk)
        conn.sock.sendall(digest.hexdigest().encode() + b"\n")
    except OSError:
        pass  # the server refused at once and closed: its reply says why
    report_put(read_line(conn), digest.hexdigest())


def report_put(reply, digest):
    refused_if_err(reply)
    if reply.lower() != "ok " + digest:
        fail(1, "the server stored something else: " + reply)
    print("OK " + digest, flush=True)


def receive(conn, f, size):
    """Writes exactly size bytes of content into f; returns their SHA-256."""
    digest = hashlib.sha256()
    left = size
    while left > 0:
        if not conn.pending:
            data = conn.sock.recv(65536)
            if not data:
                raise EOFError("the transfer was cut short")
            conn.pending = data
        chunk, conn.pending = conn.pending[:left], conn.pending[left:]
        f.write(chunk)
        digest.update(chunk)
        left -= len(chunk)
    return digest.hexdigest()


def get(conn, name, out):
    conn.sock.sendall(("GET %s\n" % name).encode())
    reply = read_line(conn)
    refused_if_err(reply)
    words = reply.split(" ")
    if len(words) != 3 or words[0] != "OK" or not words[1].isdigit():
        fail(2, "unexpected reply: " + reply)
    fd, temp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(out)), prefix=".get-")
    try:
        with os.fdopen(fd, "wb") as f:
            try:
                digest = receive(conn, f, int(words[1]))
            except (OSError, EOFError) as e:
                fail(1, "the transfer failed: %s" % e)
            if digest != words[2].lower():
                fail(1, "the content does not match its digest")
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, out)
    finally:
        if os.path.exists(temp):
            os.remove(temp)
    print("OK " + digest, flush=True)


def list_files(conn):
    conn.sock.sendall(b"LIST\n")
    first = read_line(conn)
    refused_if_err(first)
    print(first, flush=True)
    for _ in range(int(first.split(" ")[1])):
        print(read_line(conn), flush=True)


def main():
    argv = sys.argv[1:]
    if "--port" not in argv or argv.index("--port") + 1 >= len(argv):
        fail(2, "usage: client.py --host H --port N (put FILE [NAME] | get NAME OUT | list)")
    host = argv[argv.index("--host") + 1] if "--host" in argv else "127.0.0.1"
    port = int(argv[argv.index("--port") + 1])
    words, options = [], iter(argv)
    for arg in options:
        if arg in ("--host", "--port"):
            next(options)
        else:
            words.append(arg)
    if words[:1] == ["put"] and len(words) in (2, 3):
        if not os.path.isfile(words[1]):
            fail(2, "usage error: cannot read " + words[1])
        name = words[2] if len(words) == 3 else os.path.basename(words[1])
        action = lambda conn: put(conn, words[1], name)
    elif words[:1] == ["get"] and len(words) == 3:
        out = os.path.abspath(words[2])
        if not os.path.isdir(os.path.dirname(out)) or os.path.isdir(out):
            fail(2, "usage error: cannot write " + words[2])
        action = lambda conn: get(conn, words[1], words[2])
    elif words == ["list"]:
        action = list_files
    else:
        fail(2, "usage: client.py --host H --port N (put FILE [NAME] | get NAME OUT | list)")
    conn = connect(host, port)
    try:
        action(conn)
    except socket.timeout:
        fail(2, "no reply from the server within %d s" % TIMEOUT)
    except OSError as e:
        fail(2, "connection lost: %s" % e)
    finally:
        conn.sock.close()


if __name__ == "__main__":
    main()
