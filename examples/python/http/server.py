#!/usr/bin/env python3
"""SocketLab `http` server: an HTTP/1.1 static file server on raw sockets (see specs/http.md).

Usage: python3 http/server.py --port N --root DIR [--host H]

One thread per connection reads requests through its own buffer, so pipelined
requests are answered in order. GET and HEAD serve regular files under DIR;
every other method gets 405. The request head must arrive within 10 s (also
between keep-alive requests), or the connection is closed. Request bodies
announced by Content-Length (or chunked) are read and thrown away. Paths are
percent-decoded and checked segment by segment; `..`, encoded slashes,
backslashes and NUL are refused with 403, and a final realpath check refuses
symlinks that lead out of DIR. Files are sent with socket.sendfile().
"""
import argparse
import datetime
import email.utils
import os
import re
import signal
import socket
import stat
import sys
import threading
import time
import urllib.parse

CHUNK = 65536
HEAD_TIMEOUT = 10.0          # a request head must be complete within this time
BODY_TIMEOUT = 10.0          # a body or a response may not stall longer than this
MAX_REQUEST_LINE = 8192      # bytes, without CRLF
MAX_HEADER_BYTES = 16384     # field lines, without their line endings, in all
MAX_HEADER_FIELDS = 100
MAX_DISCARDED_BODY = 16 << 20   # larger bodies: answer, then close instead of reading
MAX_CONTENT_LENGTH = (1 << 63) - 1
DRAIN_SECONDS = 2.0
DRAIN_LIMIT = 1 << 20
SERVER_NAME = "SocketLab-Python/1.0"

REQUEST_LINE = re.compile(rb"([!#$%&'*+.^_`|~0-9A-Za-z-]+) ([!-~]+) HTTP/([0-9])\.([0-9])")
TOKEN = re.compile(rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
FIELD_VALUE = re.compile(rb"[\t\x20-\x7e\x80-\xff]*")
BAD_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")
DIGITS = re.compile(rb"[0-9]+")
HOST = re.compile(rb"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(:[0-9]*)?")
ABSOLUTE_FORM = re.compile(rb"[Hh][Tt][Tt][Pp][Ss]?://[^/?#]*")
CHUNK_SIZE = re.compile(rb"([0-9A-Fa-f]+)[ \t]*(;.*)?")

REASONS = {
    200: "OK", 301: "Moved Permanently", 304: "Not Modified", 400: "Bad Request",
    403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
    408: "Request Timeout", 414: "URI Too Long",
    431: "Request Header Fields Too Large", 505: "HTTP Version Not Supported",
}

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
    "json": "application/json",
    "txt": "text/plain; charset=utf-8",
    "svg": "image/svg+xml",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "ico": "image/x-icon",
}


class HttpError(Exception):
    """Answer with this status; close the connection afterwards if `close`."""

    def __init__(self, status, close=True, headers=()):
        super().__init__(status)
        self.status = status
        self.close = close
        self.headers = list(headers)


class Closed(Exception):
    """The client went away, or was silent for too long: close without a word."""


class TooLong(Exception):
    pass


class HeadTimeout(Exception):
    """No complete request head within HEAD_TIMEOUT; `started` if some of it came."""

    def __init__(self, started):
        super().__init__("request head timeout")
        self.started = started


class Reader:
    """Buffered reads from one socket; every read has a deadline."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = bytearray()
        self.consumed = False       # a line of the current head was read

    def fill(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise socket.timeout()
        self.sock.settimeout(remaining)
        data = self.sock.recv(CHUNK)
        if not data:
            raise Closed()
        self.buf += data

    def readline(self, limit, deadline):
        """One line without LF and one trailing CR; TooLong if its content passes limit."""
        start = 0
        while True:
            lf = self.buf.find(b"\n", start)
            if lf >= 0:
                line = bytes(self.buf[:lf])
                del self.buf[:lf + 1]
                self.consumed = True
                if line.endswith(b"\r"):
                    line = line[:-1]
                if len(line) > limit:
                    raise TooLong()
                return line
            if len(self.buf) > limit + 1:
                raise TooLong()
            start = len(self.buf)
            self.fill(deadline)

    def discard(self, count):
        """Read and drop count bytes; each recv may wait BODY_TIMEOUT."""
        while count > 0:
            if not self.buf:
                self.fill(time.monotonic() + BODY_TIMEOUT)
            n = min(count, len(self.buf))
            del self.buf[:n]
            count -= n


class Request:
    def __init__(self, method, target, minor):
        self.method = method
        self.target = target
        self.minor = minor          # HTTP/1.<minor>
        self.fields = []            # (lower-case name, value) in order

    def values(self, name):
        return [v for n, v in self.fields if n == name]

    def tokens(self, name):
        return {t.strip().lower() for v in self.values(name) for t in v.split(b",") if t.strip()}


def read_head(reader):
    """The next request head; HttpError for a bad one, Closed at EOF, HeadTimeout."""
    deadline = time.monotonic() + HEAD_TIMEOUT
    try:
        return parse_head(reader, deadline)
    except socket.timeout:
        raise HeadTimeout(bool(reader.buf) or reader.consumed)


def parse_head(reader, deadline):
    reader.consumed = False
    try:
        line = reader.readline(MAX_REQUEST_LINE, deadline)
        if line == b"":             # RFC 9112 §2.2: ignore one empty line before a request
            line = reader.readline(MAX_REQUEST_LINE, deadline)
    except TooLong:
        raise HttpError(414)
    m = REQUEST_LINE.fullmatch(line)
    if not m:
        raise HttpError(400)
    method, target, major, minor = m.group(1), m.group(2), int(m.group(3)), int(m.group(4))
    if (major, minor) not in ((1, 0), (1, 1)):
        raise HttpError(505)
    request = Request(method, target, minor)

    used = 0
    while True:
        try:
            line = reader.readline(MAX_HEADER_BYTES - used, deadline)
        except TooLong:
            raise HttpError(431)
        if line == b"":
            break
        used += len(line)
        if len(request.fields) == MAX_HEADER_FIELDS:
            raise HttpError(431)
        name, colon, value = line.partition(b":")
        # no obs-fold, no whitespace before the colon, no control characters, UTF-8 text
        if not colon or not TOKEN.fullmatch(name):
            raise HttpError(400)
        value = value.strip(b" \t")
        if not FIELD_VALUE.fullmatch(value):
            raise HttpError(400)
        try:
            value.decode("utf-8")
        except UnicodeDecodeError:
            raise HttpError(400)
        request.fields.append((name.lower().decode("ascii"), value))
    return request


def body_length(request):
    """Content-Length of the body, -1 for chunked; HttpError when the framing is bad."""
    lengths = request.values("content-length")
    encodings = request.values("transfer-encoding")
    if lengths and encodings:
        raise HttpError(400)
    if encodings:
        codings = [t.strip().lower() for v in encodings for t in v.split(b",")]
        if codings != [b"chunked"]:
            raise HttpError(400)
        return -1
    if not lengths:
        return 0
    distinct = {t.strip() for v in lengths for t in v.split(b",")}
    if len(distinct) != 1:
        raise HttpError(400)
    value = distinct.pop()
    if not DIGITS.fullmatch(value) or int(value) > MAX_CONTENT_LENGTH:
        raise HttpError(400)
    return int(value)


def discard_chunked(reader):
    """Read a chunked body and its trailers, keeping nothing."""
    try:
        discard_chunks(reader)
    except TooLong:
        raise HttpError(400)


def discard_chunks(reader):
    while True:
        line = reader.readline(1024, time.monotonic() + BODY_TIMEOUT)
        m = CHUNK_SIZE.fullmatch(line)
        if not m or len(m.group(1)) > 15:
            raise HttpError(400)
        size = int(m.group(1), 16)
        if size == 0:
            break
        reader.discard(size)
        if reader.readline(0, time.monotonic() + BODY_TIMEOUT) != b"":
            raise HttpError(400)
    for _ in range(MAX_HEADER_FIELDS + 1):    # trailer fields, then the empty line
        if reader.readline(MAX_HEADER_BYTES, time.monotonic() + BODY_TIMEOUT) == b"":
            return
    raise HttpError(400)


def check_host(request):
    hosts = request.values("host")
    if len(hosts) > 1 or (request.minor == 1 and not hosts):
        raise HttpError(400)
    if hosts and not HOST.fullmatch(hosts[0]):
        raise HttpError(400)


def split_target(target):
    """The raw path of an origin-form or absolute-form target; HttpError(400) otherwise."""
    if target.startswith(b"/"):
        path = target
    else:
        m = ABSOLUTE_FORM.match(target)
        if not m:
            raise HttpError(400, close=False)
        path = target[m.end():] or b"/"
        if not path.startswith(b"/"):
            path = b"/" + path
    if b"#" in path:
        raise HttpError(400, close=False)
    path = path.split(b"?", 1)[0]
    if BAD_ESCAPE.search(path):
        raise HttpError(400, close=False)
    return path


def inside(root, real):
    return real == root or real.startswith(root + b"/")


def resolve(root, raw_path):
    """The real path of the file to serve, below root; HttpError(301) for a
    directory named without its trailing slash, 403 or 404 when refused."""
    raw_segments = [s for s in raw_path.split(b"/")[1:] if s not in (b"", b".")]
    decoded = []
    for raw in raw_segments:
        if re.search(rb"%2[fF]|%5[cC]", raw):      # encoded slash or backslash
            raise HttpError(403, close=False)
        segment = urllib.parse.unquote_to_bytes(raw)
        if b"\0" in segment or b"\\" in segment or segment == b"..":
            raise HttpError(403, close=False)
        if segment != b".":
            decoded.append(segment)
    real = os.path.realpath(os.path.join(root, *decoded))
    if not inside(root, real):
        raise HttpError(403, close=False)        # a symlink that leads out of the root
    try:
        st = os.stat(real)
    except OSError:
        raise HttpError(404, close=False)
    wants_directory = raw_path.endswith(b"/")
    if not stat.S_ISDIR(st.st_mode):
        if wants_directory:
            raise HttpError(404, close=False)
        return real
    if not wants_directory:
        # path-absolute, rebuilt from the segments so "//x" cannot become a network path
        location = b"/" + b"/".join(raw_segments) + b"/"
        raise HttpError(301, close=False, headers=[("Location", location.decode("ascii"))])
    real = os.path.realpath(os.path.join(real, b"index.html"))
    if not inside(root, real):
        raise HttpError(403, close=False)
    return real


def content_type(path):
    name = os.path.basename(path).decode("utf-8", "replace")
    ext = name.rsplit(".", 1)[1].lower() if "." in name else ""
    return CONTENT_TYPES.get(ext, "application/octet-stream")


def not_modified(request, mtime):
    values = request.values("if-modified-since")
    if len(values) != 1:
        return False
    try:
        since = email.utils.parsedate_to_datetime(values[0].decode("ascii"))
    except (ValueError, TypeError, IndexError, UnicodeDecodeError):
        return False                            # an invalid date is ignored
    if since is None:
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=datetime.timezone.utc)
    return int(mtime) <= since.timestamp()


class Session:
    """One connection: read a request, answer it, repeat while the connection is kept."""

    def __init__(self, sock, addr, root):
        self.sock = sock
        self.addr = addr
        self.root = root
        self.reader = Reader(sock)

    def send_head(self, status, headers, keep_alive, http10_keep_alive):
        lines = ["HTTP/1.1 %d %s" % (status, REASONS[status]),
                 "Date: " + email.utils.formatdate(usegmt=True),
                 "Server: " + SERVER_NAME]
        lines += ["%s: %s" % h for h in headers]
        if not keep_alive:
            lines.append("Connection: close")
        elif http10_keep_alive:
            lines.append("Connection: keep-alive")
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self.sock.settimeout(BODY_TIMEOUT)
        self.sock.sendall(data)

    def send_error(self, error, request, keep_alive):
        status = error.status
        body = ("<!DOCTYPE html>\n<html><head><title>%d %s</title></head>"
                "<body><h1>%d %s</h1></body></html>\n"
                % (status, REASONS[status], status, REASONS[status])).encode("ascii")
        headers = error.headers + [("Content-Type", "text/html; charset=utf-8"),
                                   ("Content-Length", str(len(body)))]
        self.send_head(status, headers, keep_alive, self.http10_keep_alive(request, keep_alive))
        if request is None or request.method != b"HEAD":
            self.sock.sendall(body)

    @staticmethod
    def http10_keep_alive(request, keep_alive):
        return keep_alive and request is not None and request.minor == 0

    def serve(self):
        graceful = False
        try:
            while True:
                request = None
                body_read = False               # the connection can go on after an error
                try:
                    request = read_head(self.reader)
                    keep_alive = self.keeps_alive(request)
                    check_host(request)
                    length = body_length(request)
                    if length == -1:
                        discard_chunked(self.reader)
                    elif length > MAX_DISCARDED_BODY:
                        keep_alive = False      # answer now, do not read it all
                    else:
                        self.reader.discard(length)
                    body_read = keep_alive
                    keep_alive = self.answer(request, keep_alive)
                except HttpError as e:
                    keep_alive = body_read and not e.close
                    self.send_error(e, request, keep_alive)
                if not keep_alive:
                    graceful = True
                    break
        except HeadTimeout as e:
            if e.started:                       # a head begun but never finished
                try:
                    self.send_error(HttpError(408), None, False)
                    graceful = True
                except OSError:
                    pass
        except (Closed, socket.timeout):
            pass
        except OSError as e:                    # reset, broken pipe: this client only
            print("client %s: %s" % (self.addr, e), file=sys.stderr, flush=True)
        finally:
            if graceful:
                close_gracefully(self.sock)
            else:
                self.sock.close()

    @staticmethod
    def keeps_alive(request):
        tokens = request.tokens("connection")
        if request.minor == 1:
            return b"close" not in tokens
        return b"keep-alive" in tokens and b"close" not in tokens

    def answer(self, request, keep_alive):
        """Answer a well-formed request; the keep-alive decision that holds afterwards."""
        raw_path = split_target(request.target)
        if request.method not in (b"GET", b"HEAD"):
            raise HttpError(405, close=False, headers=[("Allow", "GET, HEAD")])
        path = resolve(self.root, raw_path)
        try:
            # O_NONBLOCK: opening a FIFO must not hang the thread
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError:
            raise HttpError(404, close=False)
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise HttpError(404, close=False)
            os.set_blocking(fd, True)
            size = st.st_size
            headers = [("Last-Modified", email.utils.formatdate(st.st_mtime, usegmt=True)),
                       ("Content-Type", content_type(path)),
                       ("Content-Length", str(size))]
            http10 = self.http10_keep_alive(request, keep_alive)
            if not_modified(request, st.st_mtime):
                # RFC 9110 §8.6: a 304 may carry the Content-Length a 200 would have; no body
                self.send_head(304, headers, keep_alive, http10)
                return keep_alive
            self.send_head(200, headers, keep_alive, http10)
            if request.method == b"GET" and size:
                self.sock.settimeout(BODY_TIMEOUT)
                sent = self.sock.sendfile(f, 0, size)
                if sent != size:                # the file shrank: the promise is broken
                    return False
        return keep_alive


def close_gracefully(sock):
    """Half-close, discard what the peer still sends (bounded), then close, so
    that our last response is not destroyed by a TCP reset."""
    try:
        sock.shutdown(socket.SHUT_WR)
        deadline = time.monotonic() + DRAIN_SECONDS
        drained = 0
        while drained < DRAIN_LIMIT:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            sock.settimeout(remaining)
            chunk = sock.recv(CHUNK)
            if not chunk:
                break
            drained += len(chunk)
    except OSError:
        pass
    finally:
        sock.close()


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab HTTP/1.1 static file server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0",
                        help="address to bind (default: all IPv4 interfaces)")
    parser.add_argument("--root", required=True, help="folder of the files to serve")
    args = parser.parse_args()
    if not os.path.isdir(args.root):
        sys.stderr.write("cannot serve %s: not a folder\n" % args.root)
        sys.exit(2)
    root = os.path.realpath(os.fsencode(args.root))

    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, lambda *_: os._exit(0))

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    try:
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((args.host, args.port))
        listener.listen(256)
    except OSError as e:
        sys.stderr.write("cannot listen on %s:%d: %s\n" % (args.host, args.port, e))
        sys.exit(2)
    print("http server on %s:%d, root %s" % (args.host, args.port, args.root), flush=True)

    while True:
        try:
            sock, addr = listener.accept()
        except OSError as e:                    # ECONNABORTED, EMFILE, ...: keep serving
            print("accept: %s" % e, file=sys.stderr, flush=True)
            time.sleep(0.05)
            continue
        session = Session(sock, addr, root)
        threading.Thread(target=session.serve, daemon=True).start()


if __name__ == "__main__":
    main()
