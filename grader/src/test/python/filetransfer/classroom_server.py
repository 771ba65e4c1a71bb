#!/usr/bin/env python3
"""A correct file-transfer server in the classroom style (specs/file-transfer.md, FT-1..9): a thread per
connection, a buffer of its own for lines and content, temporary files renamed into place.

The variants beside it import this module, replace one function with a classroom habit, and call main().
"""
import hashlib
import os
import re
import signal
import socket
import stat
import sys
import tempfile
import threading

NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}")
MAX_LINE = 8192
folder = None
max_size = 1 << 30


class Gone(Exception):
    """The client left in the middle of something."""


class TooLong(Exception):
    pass


class Conn:
    """A client socket and what has been received from it but not used yet."""

    def __init__(self, sock):
        self.sock = sock
        self.pending = b""

    def more(self):
        data = self.sock.recv(65536)
        if not data:
            raise Gone()
        self.pending += data


def fail(code, message):
    print(message, file=sys.stderr, flush=True)
    os._exit(code)


def read_line(conn):
    """The next line without LF (and one CR), as bytes; None when the client closed between commands."""
    while b"\n" not in conn.pending:
        if len(conn.pending) > MAX_LINE + 1:
            raise TooLong()
        try:
            conn.more()
        except Gone:
            if conn.pending:
                raise
            return None
    line, conn.pending = conn.pending.split(b"\n", 1)
    line = line[:-1] if line.endswith(b"\r") else line
    if len(line) > MAX_LINE:
        raise TooLong()
    return line


def receive(conn, f, size):
    """Copies exactly size content bytes into the file f; returns their SHA-256."""
    digest = hashlib.sha256()
    left = size
    while left > 0:
        if not conn.pending:
            conn.more()
        chunk, conn.pending = conn.pending[:left], conn.pending[left:]
        f.write(chunk)
        digest.update(chunk)
        left -= len(chunk)
    return digest.hexdigest()


def valid_name(name):
    return NAME.fullmatch(name) is not None


def parse_size(text):
    """The size, or None when it is not plain ASCII digits."""
    return int(text) if re.fullmatch(r"[0-9]+", text) else None


def put(conn, words):
    """True if the connection goes on, False to close it."""
    name, _, size_text = words.rpartition(" ")
    if not valid_name(name):
        conn.sock.sendall(b"ERR bad-name\n")
        return False
    size = parse_size(size_text)
    if size is None:
        conn.sock.sendall(b"ERR bad-size\n")
        return False
    if size > max_size:
        conn.sock.sendall(b"ERR too-large\n")
        return False
    store(conn, name, size)
    return True


def store(conn, name, size):
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".upload-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            digest = receive(conn, f, size)
            sent = read_line(conn)
            if sent is None:
                raise Gone()
            if sent.decode("ascii", "replace").lower() != digest:
                conn.sock.sendall(b"ERR digest-mismatch\n")
                return
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, os.path.join(folder, name))
        conn.sock.sendall(b"OK " + digest.encode() + b"\n")
    finally:
        if os.path.exists(temp):
            os.remove(temp)


def open_file(name):
    """The open file (and its size) if name is a regular file in the folder, else None."""
    try:
        fd = os.open(os.path.join(folder, name), os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        return None
    return os.fdopen(fd, "rb"), info.st_size


def sha256_of(f):
    digest = hashlib.sha256()
    for chunk in iter(lambda: f.read(65536), b""):
        digest.update(chunk)
    f.seek(0)
    return digest.hexdigest()


def get(conn, name):
    if not valid_name(name):
        conn.sock.sendall(b"ERR bad-name\n")
        return
    opened = open_file(name)
    if opened is None:
        conn.sock.sendall(b"ERR not-found\n")
        return
    f, size = opened
    with f:
        conn.sock.sendall(b"OK %d %s\n" % (size, sha256_of(f).encode()))
        for chunk in iter(lambda: f.read(65536), b""):
            conn.sock.sendall(chunk)


def names():
    """The names LIST shows: valid names of regular files, in byte order."""
    return sorted(n for n in os.listdir(folder) if valid_name(n) and os.path.isfile(os.path.join(folder, n)))


def list_files(conn):
    lines = []
    for name in names():
        opened = open_file(name)
        if opened:
            f, size = opened
            with f:
                lines.append("%s %d %s\n" % (name, size, sha256_of(f)))
    conn.sock.sendall(("OK %d\n" % len(lines) + "".join(lines)).encode())


def command(conn, line):
    """Answers one command line; False to close the connection."""
    text = line.decode("utf-8", "replace")
    if text.startswith("PUT "):
        return put(conn, text[4:])
    if text.startswith("GET "):
        get(conn, text[4:])
    elif text == "LIST":
        list_files(conn)
    else:
        conn.sock.sendall(b"ERR unknown-command\n")
    return True


def close_gently(sock):
    """Stop sending, drop what the client still sends for a moment, then close: the ERR line is not lost."""
    try:
        sock.shutdown(socket.SHUT_WR)
        sock.settimeout(2)
        while sock.recv(65536):
            pass
    except OSError:
        pass


def serve(sock):
    conn = Conn(sock)
    with sock:
        try:
            while True:
                line = read_line(conn)
                if line is None:
                    return
                if not command(conn, line):
                    close_gently(sock)
                    return
        except TooLong:
            sock.sendall(b"ERR line-too-long\n")
            close_gently(sock)
        except (Gone, OSError):
            pass


def start(sock):
    threading.Thread(target=serve, args=(sock,), daemon=True).start()


def listen(argv):
    global folder, max_size
    if "--port" not in argv or "--dir" not in argv:
        fail(2, "usage: server.py --port N --dir DIR [--max-size BYTES]")
    port = int(argv[argv.index("--port") + 1])
    folder = argv[argv.index("--dir") + 1]
    unknown = [a for a in argv[::2] if a not in ("--port", "--dir", "--max-size", "--host")]
    if unknown:
        fail(2, "unknown option " + unknown[0])
    if "--max-size" in argv:
        text = argv[argv.index("--max-size") + 1]
        if not text.isdigit():
            fail(2, "--max-size must be a number of bytes")
        max_size = int(text)
    if not os.path.isdir(folder):
        fail(2, folder + " is not a folder")
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(("0.0.0.0", port))
    except OSError as e:
        fail(2, "cannot listen on port %d: %s" % (port, e))
    listener.listen(128)
    return listener


def exit_zero_on_sigterm():
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))


def main():
    exit_zero_on_sigterm()
    listener = listen(sys.argv[1:])
    while True:
        sock, _ = listener.accept()
        start(sock)


if __name__ == "__main__":
    main()
