#!/usr/bin/env python3
"""SocketLab `http` client: one HTTP/1.1 request on a raw socket (see specs/http.md).

Usage: python3 http/client.py [--head] [--include] URL

Sends GET (or HEAD with --head) with Host, User-Agent and Connection: close;
skips 1xx interim responses; writes the body to stdout byte for byte (with
--include, the status line and header lines first, as received). Bodies are
framed by chunked transfer coding, Content-Length, or the close.
Exit codes: 0 for 2xx/3xx; 1 for 4xx/5xx (the body is still written);
2 for a bad URL, a connection error, a body cut short, a response that cannot
be parsed, or 10 s without a byte from the server.
"""
import argparse
import re
import socket
import sys
import urllib.parse

TIMEOUT = 10.0
CHUNK = 65536
MAX_HEAD = 1 << 20           # refuse to buffer a response head without limit
USER_AGENT = "SocketLab-Python-client/1.0"

STATUS_LINE = re.compile(rb"HTTP/([0-9])\.([0-9]) ([0-9]{3})(?: .*)?")
FIELD = re.compile(rb"([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*")
CHUNK_SIZE = re.compile(rb"([0-9A-Fa-f]+)[ \t]*(?:;.*)?")


class Failure(Exception):
    """Ends the client: message for stderr, exit code."""

    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


def broken(message):
    return Failure(message, 2)


class Response:
    """Reads one response after another from a socket through one buffer."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = bytearray()
        self.eof = False

    def fill(self):
        """Read more; False at EOF."""
        if self.eof:
            return False
        try:
            data = self.sock.recv(CHUNK)
        except socket.timeout:
            raise broken("no data from the server for %d s" % TIMEOUT)
        except OSError as e:
            raise broken("connection lost: %s" % (e.strerror or e))
        if not data:
            self.eof = True
            return False
        self.buf += data
        return True

    def readline(self, what):
        """(line without CRLF/LF, raw line as received)."""
        start = 0
        while True:
            lf = self.buf.find(b"\n", start)
            if lf >= 0:
                raw = bytes(self.buf[:lf + 1])
                del self.buf[:lf + 1]
                line = raw[:-1]
                return (line[:-1] if line.endswith(b"\r") else line), raw
            if len(self.buf) > MAX_HEAD:
                raise broken("unparsable response: a line longer than %d bytes" % MAX_HEAD)
            start = len(self.buf)
            if not self.fill():
                raise broken("the server closed the connection in the middle of %s" % what)

    def read_head(self):
        """(status, fields as {lower name: [values]}, raw head bytes)."""
        line, raw = self.readline("the status line")
        m = STATUS_LINE.fullmatch(line)
        if not m:
            raise broken("unparsable response: %r" % line[:100])
        status = int(m.group(3))
        if not 100 <= status <= 599:
            raise broken("unparsable response: status %d" % status)
        head = [raw]
        fields = {}
        size = len(raw)
        while True:
            line, raw = self.readline("the response headers")
            head.append(raw)
            size += len(raw)
            if size > MAX_HEAD:
                raise broken("unparsable response: headers over %d bytes" % MAX_HEAD)
            if line == b"":
                break
            f = FIELD.fullmatch(line)
            if not f:
                raise broken("unparsable response: bad header line %r" % line[:100])
            fields.setdefault(f.group(1).lower().decode("ascii"), []).append(f.group(2))
        return status, fields, b"".join(head)

    def take(self, limit):
        """Up to limit buffered-or-received bytes; b'' at EOF."""
        if not self.buf and not self.fill():
            return b""
        data = bytes(self.buf[:limit])
        del self.buf[:len(data)]
        return data


def write(data):
    out = sys.stdout.buffer
    out.write(data)
    out.flush()


def copy_length(response, length):
    while length > 0:
        data = response.take(min(length, CHUNK))
        if not data:
            raise broken("body cut short: %d bytes missing" % length)
        write(data)
        length -= len(data)


def copy_chunked(response):
    while True:
        line, _ = response.readline("a chunked body")
        m = CHUNK_SIZE.fullmatch(line)
        if not m:
            raise broken("unparsable chunk size line %r" % line[:100])
        size = int(m.group(1), 16)
        if size == 0:
            break
        copy_length(response, size)
        line, _ = response.readline("a chunked body")
        if line != b"":
            raise broken("a chunk is not followed by CRLF")
    while True:                                 # trailer fields, then the empty line
        line, _ = response.readline("the trailer of a chunked body")
        if line == b"":
            return


def copy_until_close(response):
    while True:
        data = response.take(CHUNK)
        if not data:
            return
        write(data)


def parse_url(url):
    """(host, port, Host header value, request target)."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as e:
        raise Failure("usage error: bad URL %s: %s" % (url, e), 2)
    if parts.scheme.lower() != "http" or not parts.hostname:
        raise Failure("usage error: expected an http:// URL, got %s" % url, 2)
    host = parts.hostname
    authority = "[%s]" % host if ":" in host else host
    if port is not None:
        authority += ":%d" % port
    path = urllib.parse.quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        path += "?" + urllib.parse.quote(parts.query, safe="/?%:@!$&'()*+,;=-._~")
    return host, port or 80, authority, path


def run(args):
    host, port, authority, target = parse_url(args.url)
    method = "HEAD" if args.head else "GET"
    request = ("%s %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: %s\r\nConnection: close\r\n\r\n"
               % (method, target, authority, USER_AGENT)).encode("ascii")
    try:
        sock = socket.create_connection((host, port), timeout=TIMEOUT)
    except ConnectionRefusedError:
        raise broken("connection refused by %s:%d" % (host, port))
    except socket.timeout:
        raise broken("cannot connect to %s:%d: timed out" % (host, port))
    except OSError as e:
        raise broken("cannot connect to %s:%d: %s" % (host, port, e.strerror or e))
    with sock:
        try:
            sock.sendall(request)
        except OSError as e:
            raise broken("cannot send the request: %s" % (e.strerror or e))
        response = Response(sock)
        while True:
            status, fields, head = response.read_head()
            if status >= 200 or status == 101:
                break                           # 1xx (but 101) is interim: skip it
        if args.include:
            write(head)
        codings = [t.strip().lower() for v in fields.get("transfer-encoding", [])
                   for t in v.split(b",") if t.strip()]
        lengths = {t.strip() for v in fields.get("content-length", []) for t in v.split(b",")}
        if args.head or status in (204, 304) or status < 200:
            pass                                # no body, whatever the headers say
        elif codings:
            if codings[-1] == b"chunked":
                copy_chunked(response)
            else:
                copy_until_close(response)
        elif lengths:
            if len(lengths) != 1 or not next(iter(lengths)).isdigit():
                raise broken("unparsable response: bad Content-Length")
            copy_length(response, int(lengths.pop()))
        else:
            copy_until_close(response)
    if status >= 400:
        raise Failure("the server answered %s"
                      % head.split(b"\n", 1)[0].strip().decode("utf-8", "replace"), 1)
    return 0


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab HTTP/1.1 client")
    parser.add_argument("--head", action="store_true", help="send HEAD, print no body")
    parser.add_argument("--include", action="store_true",
                        help="print the status line and headers before the body")
    parser.add_argument("url", metavar="URL")
    args = parser.parse_args()
    try:
        code = run(args)
    except Failure as f:
        try:
            sys.stdout.flush()
        except OSError:
            pass
        sys.stderr.write("%s\n" % f)
        sys.stderr.flush()
        code = f.code
    sys.exit(code)


if __name__ == "__main__":
    main()
