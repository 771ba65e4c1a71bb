#!/usr/bin/env python3
"""SocketLab `http` client: one HTTP/1.1 request on a raw socket (see specs/http.md).

Usage: python3 http/client.py [--head] [--include] URL [--log-level SPEC]

Sends GET (or HEAD with --head) with Host, User-Agent and Connection: close; skips 1xx interim
responses; writes the body to stdout byte for byte (with --include, the status line and header
lines first, as received). Bodies are framed by chunked transfer coding, Content-Length, or the
close. Exit codes: 0 for 2xx/3xx; 1 for 4xx/5xx (the body is still written); 2 for a bad URL, a
connection error, a body cut short, a response that cannot be parsed, or 10 s without a byte
from the server.

The command line and the URL parsing are given; each TODO is yours and cites its clause.
"""
import logging
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "http client"
TIMEOUT = 10.0
CHUNK = 65536
MAX_HEAD = 1 << 20           # refuse to buffer a response head without limit
USER_AGENT = "SocketLab-Python-client/1.0"

STATUS_LINE = re.compile(rb"HTTP/([0-9])\.([0-9]) ([0-9]{3})(?: .*)?")
FIELD = re.compile(rb"([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*")
CHUNK_SIZE = re.compile(rb"([0-9A-Fa-f]+)[ \t]*(?:;.*)?")


log = logging.getLogger("http.client")


def broken(message):
    """A response or a connection the client cannot use: exit code 2."""
    return cli.Failure(message, cli.INCOMPLETE)


class Response:
    """Reads one response after another from a socket through one buffer."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = bytearray()
        self.eof = False

    def fill(self):
        """Reads more into the buffer; False at EOF."""
        # TODO(HTTP-24): recv(CHUNK); socket.timeout (TIMEOUT s without a byte) is broken("no data from the
        #   server for 10 s"); another OSError is broken("connection lost: ...").
        raise NotImplementedError("Response.fill")

    def readline(self, what):
        """(line without CRLF/LF, raw line as received); ``what`` names it in the error of an early close."""
        raise NotImplementedError("Response.readline")

    def read_head(self):
        """(status, fields as {lower-case name: [values]}, raw head bytes as received)."""
        # TODO(HTTP-23): the status line must STATUS_LINE.fullmatch, with a status of 100..599; else
        #   broken("unparsable response: ..."). Header lines "name: value" (FIELD) up to an empty line;
        #   more than MAX_HEAD bytes in all is broken(...).
        raise NotImplementedError("Response.read_head")

    def take(self, limit):
        """Up to ``limit`` bytes, buffered or newly received; b"" at EOF."""
        raise NotImplementedError("Response.take")


def write(data):
    out = sys.stdout.buffer
    out.write(data)
    out.flush()


def copy_length(response, length):
    """HTTP-21: exactly ``length`` bytes of body to stdout; fewer before the close is broken(...)."""
    raise NotImplementedError("copy_length")


def copy_chunked(response):
    """HTTP-21: a chunked body: "<hex size>[;ext]" CRLF, data, CRLF, ... up to size 0, then trailer lines
    up to an empty line. Only the data goes to stdout, never the framing."""
    raise NotImplementedError("copy_chunked")


def copy_until_close(response):
    """HTTP-21: everything up to the server's close."""
    raise NotImplementedError("copy_until_close")


def parse_url(url):
    """(host, port, Host header value, request target)."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as e:
        raise cli.Failure("usage error: bad URL %s: %s" % (url, e), cli.USAGE)
    if parts.scheme.lower() != "http" or not parts.hostname:
        raise cli.Failure("usage error: expected an http:// URL, got %s" % url, cli.USAGE)
    host = parts.hostname
    authority = "[%s]" % host if ":" in host else host
    if port is not None:
        authority += ":%d" % port
    path = urllib.parse.quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        path += "?" + urllib.parse.quote(parts.query, safe="/?%:@!$&'()*+,;=-._~")
    return host, port or 80, authority, path


def run(args):
    """HTTP-19 to HTTP-24: the request, then the response to stdout; cli.Failure for exit codes 1 and 2."""
    host, port, authority, target = parse_url(args.url)
    # TODO(HTTP-20): send "GET <target> HTTP/1.1" (HEAD with --head) with Host: <authority>, User-Agent and
    #   Connection: close, each line ending in CRLF, in one sendall(). Connecting: socket.create_connection
    #   ((host, port), timeout=TIMEOUT); refused or timed out is broken("connection refused by ...").
    # TODO(HTTP-21): read heads until a final one (1xx but 101 are interim: skip them). --include writes the
    #   final head as received (HTTP-22). No body for --head, 204 and 304; otherwise chunked, Content-Length
    #   (copies that differ or are not digits: broken) or up to the close.
    # TODO(HTTP-23): a status of 400 or more is cli.Failure("the server answered ...", cli.REFUSED), after
    #   the body has been written.
    raise NotImplementedError("run")


def main():
    parser = cli.Parser(PROGRAM, "SocketLab HTTP/1.1 client")
    parser.add_argument("--head", action="store_true", help="send HEAD, print no body")
    parser.add_argument("--include", action="store_true",
                        help="print the status line and headers before the body")
    parser.add_argument("url", metavar="URL")
    args = parser.parse()
    run(args)


if __name__ == "__main__":
    cli.run(PROGRAM, "http", main)
