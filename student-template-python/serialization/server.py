#!/usr/bin/env python3
"""SocketLab `serialization` server: framed JSON inventory reports (see specs/serialization.md).

Usage: python3 serialization/server.py --port N --store FILE [--host H] [--log-level SPEC]

Every message is a frame: a 4-byte big-endian length L (1..1048576), then L bytes of UTF-8 JSON.
A valid report is appended to FILE as one JSON line, flushed and fsynced, and only then answered
{"status":"ok","id":N}; {"type":"list"} returns the last 100 stored reports. On start FILE is read
back, so ids continue. One thread per connection; one lock around the store.

The command line and the JSON helpers are given; each TODO is yours and cites its clause.
"""
import datetime
import json
import logging
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "serialization server"
MAX_FRAME = 1048576          # largest L accepted
RECV_SIZE = 65536
MAX_STRING = 256             # code points
LIST_LIMIT = 100
FIELDS = ("hostname", "timestamp", "runtime", "os")
FRAME_TIMEOUT = 60.0         # a frame that has started must keep moving
DRAIN_SECONDS = 2.0          # how long a closing connection discards the peer's input
DRAIN_LIMIT = 1 << 20        # bytes discarded at most while draining

# RFC 3339 date-time with seconds and a zone; ASCII digits only ([0-9], not \d).
TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})"
    r"(?:\.([0-9]+))?([Zz]|[+-]([0-9]{2}):([0-9]{2}))")

log = logging.getLogger("serialization.server")


class Truncated(Exception):
    """The peer closed the connection in the middle of a frame."""


class BadStore(Exception):
    pass


def valid_timestamp(text):
    """SER-3: whether ``text`` is an RFC 3339 date-time with seconds and a zone that exists."""
    m = TIMESTAMP.fullmatch(text)
    if not m:
        return False
    year, month, day, hour, minute, second, frac, zone, oh, om = m.groups()
    if zone not in ("Z", "z") and (int(oh) > 23 or int(om) > 59):
        return False
    # The shape is right; let the library check that the date and time exist (February 30, hour 24,
    # second 60 are refused). Normalise first: upper-case T, an explicit +00:00, at most 6 fraction digits.
    normal = "%s-%s-%sT%s:%s:%s" % (year, month, day, hour, minute, second)
    if frac:
        normal += "." + (frac + "000000")[:6]
    normal += "+00:00" if zone in ("Z", "z") else zone
    try:
        datetime.datetime.fromisoformat(normal)
    except ValueError:
        return False
    return True


def now_rfc3339():
    now = datetime.datetime.now(datetime.timezone.utc)
    return now.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def encode_json(obj):
    # Non-ASCII as UTF-8 (not \u escapes): 100 maximal reports stay under 1 MiB.
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def error(code, message):
    return {"status": "error", "error": code, "message": message}


class Store:
    """FILE holds one JSON object per line: exactly what `list` returns."""

    def __init__(self, path):
        # TODO(SER-6): read FILE back if it exists: each complete line a stored report (raise BadStore naming
        #   the line otherwise); ids continue after the largest; keep the last LIST_LIMIT in a
        #   collections.deque(maxlen=LIST_LIMIT). A last line without LF was cut by a crash and never
        #   acknowledged: truncate the file to the end of the last complete line.
        # TODO(SER-7): one threading.Lock around every change, so that concurrent reports get distinct ids.
        raise NotImplementedError("Store")

    def append(self, fields):
        """Stores one report durably and returns its id; raises OSError if it cannot."""
        # TODO(SER-3, SER-5): the report's fields plus "id" (the next one) and "received" (now_rfc3339()),
        #   as ONE line: encode_json(record) + b"\n", appended to FILE (os.O_APPEND).
        # TODO(SER-6): os.fsync() before returning: "ok" promises the report survives a crash. If the write
        #   fails, do not leave half a line behind (truncate back) and let the OSError go up.
        raise NotImplementedError("Store.append")

    def latest(self):
        """SER-5: the most recent reports, oldest first (at most LIST_LIMIT)."""
        raise NotImplementedError("Store.latest")


def handle(body, store):
    """One request frame's body (bytes) -> the response object (a dict)."""
    # TODO(SER-4): decode UTF-8 strictly and json.loads it; either failing is error("bad-json", ...). Refuse
    #   NaN and Infinity too (json.loads(text, parse_constant=...) raising ValueError).
    # TODO(SER-4): not an object, a "type" that is neither "report" nor "list", a field of FIELDS missing,
    #   not a string, or not 1..MAX_STRING code points (len() of a str), or a timestamp that is not
    #   valid_timestamp(): error("bad-request", ...). The connection stays usable.
    # TODO(SER-5): "list": {"status": "ok", "reports": store.latest()}.
    # TODO(SER-3): "report": {"status": "ok", "id": store.append(fields)}; extra members are not stored.
    raise NotImplementedError("handle")


def serve(conn, addr, store):
    """One connection: a request frame in, a response frame out, until the client closes."""
    # TODO(SER-1): read the 4-byte big-endian length (struct.unpack(">I", ...)) with a loop: recv() may
    #   return 1 byte at a time. b"" before a frame starts is the client's normal close.
    # TODO(SER-2): a length of 0 or over MAX_FRAME: send the frame error("bad-length", ...), then close
    #   gracefully (shutdown(SHUT_WR), discard the peer's input for DRAIN_SECONDS at most, close). Never
    #   read or allocate L bytes first.
    # TODO(SER-1): read exactly L bytes (a bytearray that grows as bytes come), answer
    #   struct.pack(">I", len(payload)) + payload with encode_json(handle(body, store)) in ONE sendall().
    # TODO(SER-6, SER-8): if store.append raised OSError, close without answering: ok means stored. A reset
    #   or a frame cut by the close (Truncated) ends this connection only: log.debug it.
    raise NotImplementedError("serve")


def main():
    parser = cli.Parser(PROGRAM, "SocketLab serialization server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0", help="address to bind (default: all IPv4 interfaces)")
    parser.add_argument("--store", required=True, metavar="FILE",
                        help="JSON-lines file holding the accepted reports")
    args = parser.parse()
    # TODO: SIGTERM ends the server with exit code 0: signal.signal(signal.SIGTERM, lambda *_: os._exit(0)).
    # TODO(SER-6): store = Store(args.store); BadStore or OSError is cli.Failure("cannot use store ...",
    #   cli.USAGE), before listening.
    # TODO: a TCP socket with SO_REUSEADDR bound to (args.host, args.port); an OSError is
    #   cli.Failure("cannot listen on ...", cli.USAGE). Then accept() forever, serve(conn, addr, store) on a
    #   daemon thread per client (SER-7); an OSError from accept() must not end the loop.
    raise NotImplementedError("the server's socket")


if __name__ == "__main__":
    cli.run(PROGRAM, "serialization", main)
