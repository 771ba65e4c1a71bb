#!/usr/bin/env python3
"""SocketLab `http` server: an HTTP/1.1 static file server on raw sockets (see specs/http.md).

Usage: python3 http/server.py --port N --root DIR [--host H] [--log-level SPEC]

One thread per connection reads requests through its own buffer, so pipelined requests are
answered in order. GET and HEAD serve regular files under DIR; every other method gets 405. The
request head must arrive within 10 s (also between keep-alive requests), or the connection is
closed. Request bodies announced by Content-Length (or chunked) are read and thrown away. Paths are
percent-decoded and checked segment by segment; `..`, encoded slashes, backslashes and NUL are
refused with 403, and a final realpath check refuses symlinks that lead out of DIR.

The command line, the tables, the error pages and the response heads are given; each TODO is
yours and cites the clause of specs/http.md it implements.
"""
import email.utils
import logging
import os
import re
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "http server"
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


log = logging.getLogger("http.server")


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
        """One recv() more into the buffer, waiting until ``deadline`` (time.monotonic()) at most."""
        # TODO(HTTP-16): settimeout(the time left; socket.timeout if none is), recv(CHUNK); b"" is Closed().
        raise NotImplementedError("Reader.fill")

    def readline(self, limit, deadline):
        """One line without LF and one trailing CR; TooLong if its content passes ``limit`` bytes."""
        # TODO(HTTP-10): take the line from self.buf, calling fill() only when no LF is there yet: the next
        #   pipelined request stays in the buffer. Bytes, never decoded text: Content-Length counts bytes.
        # TODO(HTTP-13): TooLong as soon as the line is surely longer than ``limit``; set self.consumed.
        raise NotImplementedError("Reader.readline")

    def discard(self, count):
        """HTTP-7: reads and drops ``count`` bytes (a body nobody wants); each recv may wait BODY_TIMEOUT."""
        raise NotImplementedError("Reader.discard")


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
    """The request line and header fields of the next request (a Request)."""
    # TODO(HTTP-13): a request line over MAX_REQUEST_LINE is HttpError(414); header lines over
    #   MAX_HEADER_BYTES in all, or more than MAX_HEADER_FIELDS fields, are HttpError(431).
    # TODO(HTTP-11): the request line must REQUEST_LINE.fullmatch (one empty line before it is ignored),
    #   else HttpError(400). TODO(HTTP-12): a version other than 1.0 and 1.1 is HttpError(505).
    # TODO(HTTP-11): each field "name: value": name a TOKEN, no space before the colon, no folding, a value
    #   that FIELD_VALUE.fullmatch and is UTF-8; else HttpError(400). Fields in request.fields as
    #   (lower-case name, value). An empty line ends the head.
    raise NotImplementedError("parse_head")


def body_length(request):
    """HTTP-7: Content-Length of the body, -1 for chunked; HttpError(400) when the framing is bad
    (both fields, copies that differ, not digits, a coding other than chunked)."""
    raise NotImplementedError("body_length")


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
    """HTTP-11: HTTP/1.1 needs exactly one Host field (HOST.fullmatch); HttpError(400) otherwise."""
    raise NotImplementedError("check_host")


def split_target(target):
    """HTTP-6: the raw path of an origin-form ("/a?q") or absolute-form ("http://h/a") target, without
    its query; HttpError(400, close=False) for anything else (a fragment, a bad %-escape)."""
    raise NotImplementedError("split_target")


def inside(root, real):
    return real == root or real.startswith(root + b"/")


def resolve(root, raw_path):
    """The real path of the file to serve, below ``root`` (bytes, a realpath); HttpError(301) for a
    folder named without its trailing slash, 403 or 404 when refused."""
    # TODO(HTTP-14): split the path on "/" FIRST, then percent-decode each segment
    #   (urllib.parse.unquote_to_bytes); an encoded slash or backslash (%2F, %5C), a NUL, a backslash or a
    #   ".." segment is HttpError(403, close=False). "" and "." segments are skipped.
    # TODO(HTTP-14): os.path.realpath of the joined path must be inside(root, real): a symbolic link may
    #   lead anywhere (403). A path that does not exist is 404.
    # TODO(HTTP-6): a folder without a trailing "/" in the target is HttpError(301, close=False,
    #   headers=[("Location", "/the/path/")]); with one, its index.html (checked the same way).
    raise NotImplementedError("resolve")


def content_type(path):
    name = os.path.basename(path).decode("utf-8", "replace")
    ext = name.rsplit(".", 1)[1].lower() if "." in name else ""
    return CONTENT_TYPES.get(ext, "application/octet-stream")


def not_modified(request, mtime):
    """HTTP-8: a valid If-Modified-Since no earlier than ``mtime`` (in whole seconds) means 304."""
    # TODO(HTTP-8): email.utils.parsedate_to_datetime; an invalid date is ignored (False).
    raise NotImplementedError("not_modified")


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
        """HTTP-9, HTTP-10: request after request on this connection, in order."""
        # TODO(HTTP-9): loop: read_head(self.reader), check_host, then read and drop the body (body_length;
        #   -1 is discard_chunked), then self.answer(...). An HttpError is answered with
        #   self.send_error(e, request, keep_alive); after a malformed head the connection closes.
        # TODO(HTTP-16): a HeadTimeout of a head that had begun is answered 408, then closed; Closed or a
        #   silent connection just closes. A reset is logged (log.debug) and ends this client only.
        # TODO(HTTP-9): when the connection is not kept, end with close_gracefully(self.sock).
        raise NotImplementedError("Session.serve")

    @staticmethod
    def keeps_alive(request):
        """HTTP-9: HTTP/1.1 keeps the connection unless "Connection: close"; HTTP/1.0 only with keep-alive."""
        raise NotImplementedError("Session.keeps_alive")

    def answer(self, request, keep_alive):
        """Answers a well-formed request; returns whether the connection is kept afterwards."""
        # TODO(HTTP-7): a method other than GET and HEAD is HttpError(405, close=False,
        #   headers=[("Allow", "GET, HEAD")]).
        # TODO(HTTP-1 to HTTP-5): open resolve(self.root, split_target(request.target)) (a regular file only:
        #   404 otherwise); self.send_head(200, [Last-Modified, Content-Type (content_type), Content-Length
        #   (the size in BYTES, from os.fstat)], ...), then for GET exactly the file's bytes
        #   (self.sock.sendfile(f, 0, size)). HTTP-8: not_modified() is a 304 without a body.
        raise NotImplementedError("Session.answer")


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


def main():
    parser = cli.Parser(PROGRAM, "SocketLab HTTP/1.1 static file server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0", help="address to bind (default: all IPv4 interfaces)")
    parser.add_argument("--root", required=True, help="folder of the files to serve")
    args = parser.parse()
    if not os.path.isdir(args.root):
        raise cli.Failure("cannot serve %s: not a folder" % args.root, cli.USAGE)
    root = os.path.realpath(os.fsencode(args.root))
    # TODO(HTTP-18): SIGTERM ends the server with exit code 0:
    #   signal.signal(signal.SIGTERM, lambda *_: os._exit(0)).
    # TODO(HTTP-15): a TCP socket with SO_REUSEADDR bound to (args.host, args.port), listen(256); an OSError
    #   is cli.Failure("cannot listen on ...", cli.USAGE). Then accept() forever, each connection served by
    #   Session(sock, addr, root).serve() on a daemon thread: 100 clients at once must all be served.
    raise NotImplementedError("the server's socket")


if __name__ == "__main__":
    cli.run(PROGRAM, "http", main)
