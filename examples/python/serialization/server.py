#!/usr/bin/env python3
"""SocketLab `serialization` server: framed JSON inventory reports (see specs/serialization.md).

Usage: python3 serialization/server.py --port N --store FILE [--host H]

Every message is a frame: a 4-byte big-endian length L (1..1048576), then L
bytes of UTF-8 JSON. A valid report is appended to FILE as one JSON line,
flushed and fsynced, and only then answered {"status":"ok","id":N}; {"type":
"list"} returns the last 100 stored reports. On start FILE is read back, so
ids continue. One thread per connection; one lock around the store.
"""
import argparse
import collections
import datetime
import json
import os
import re
import signal
import socket
import struct
import sys
import threading
import time

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


class Truncated(Exception):
    """The peer closed the connection in the middle of a frame."""


def valid_timestamp(text):
    m = TIMESTAMP.fullmatch(text)
    if not m:
        return False
    year, month, day, hour, minute, second, frac, zone, oh, om = m.groups()
    if zone not in ("Z", "z") and (int(oh) > 23 or int(om) > 59):
        return False
    # The shape is right; let the library check that the date and time exist
    # (February 30, hour 24, second 60 are refused). Normalise first: upper-case
    # T, an explicit +00:00, at most 6 fraction digits.
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


class BadStore(Exception):
    pass


class Store:
    """FILE holds one JSON object per line: exactly what `list` returns."""

    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()
        self.recent = collections.deque(maxlen=LIST_LIMIT)
        self.last_id = 0
        self._load()
        existed = os.path.exists(path)
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        if not existed:              # make the new directory entry durable too
            fsync_dir(os.path.dirname(os.path.abspath(path)))

    def _load(self):
        try:
            f = open(self.path, "rb")
        except FileNotFoundError:
            return
        with f:
            good_end = 0             # offset just after the last complete line
            number = 0
            for raw in f:
                number += 1
                if not raw.endswith(b"\n"):
                    break            # a write cut off by a crash: never acknowledged
                good_end += len(raw)
                if not raw.strip():
                    continue
                try:
                    rec = json.loads(raw.decode("utf-8"))
                except ValueError:
                    raise BadStore("line %d is not JSON" % number)
                if not (isinstance(rec, dict) and type(rec.get("id")) is int
                        and rec["id"] > self.last_id):
                    raise BadStore("line %d is not a stored report" % number)
                self.last_id = rec["id"]
                self.recent.append(rec)
            size = f.seek(0, os.SEEK_END)
        if size > good_end:          # drop the partial last line
            with open(self.path, "r+b") as f:
                f.truncate(good_end)
                f.flush()
                os.fsync(f.fileno())

    def append(self, fields):
        """Store one report durably; return its id. Raises OSError if it cannot."""
        with self.lock:
            rid = self.last_id + 1
            rec = dict(fields)
            rec["id"] = rid
            rec["received"] = now_rfc3339()
            line = encode_json(rec) + b"\n"
            pos = os.lseek(self.fd, 0, os.SEEK_END)
            try:
                view = memoryview(line)
                while view:
                    n = os.write(self.fd, view)
                    view = view[n:]
                os.fsync(self.fd)    # on disk, not just in the OS cache, before "ok"
            except OSError:
                try:                 # do not leave half a line behind
                    os.ftruncate(self.fd, pos)
                except OSError:
                    pass
                raise
            self.last_id = rid
            self.recent.append(rec)
            return rid

    def latest(self):
        with self.lock:
            return list(self.recent)


def fsync_dir(path):
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def error(code, message):
    return {"status": "error", "error": code, "message": message}


def refuse_constant(name):
    raise ValueError("%s is not JSON" % name)


def handle(body, store):
    """One request frame's body -> the response object."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return error("bad-json", "the frame is not valid UTF-8")
    try:
        request = json.loads(text, parse_constant=refuse_constant)
    except RecursionError:
        return error("bad-json", "JSON nested too deeply")
    except ValueError as e:          # JSONDecodeError, NaN, huge integers
        return error("bad-json", "not valid JSON: %s" % e)
    if not isinstance(request, dict):
        return error("bad-request", "the request must be a JSON object")
    kind = request.get("type")
    if kind == "list":
        return {"status": "ok", "reports": store.latest()}
    if kind != "report":
        if "type" not in request:
            return error("bad-request", "missing field: type")
        return error("bad-request", "unknown type: %s" % json.dumps(kind)[:80])
    fields = {}
    for name in FIELDS:
        if name not in request:
            return error("bad-request", "missing field: %s" % name)
        value = request[name]
        if not isinstance(value, str):   # true, 42, null, [], {} are not strings
            return error("bad-request", "%s must be a string" % name)
        if not 1 <= len(value) <= MAX_STRING:   # len() of str = code points
            return error("bad-request", "%s must be 1..%d characters" % (name, MAX_STRING))
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:        # an escaped lone surrogate
            return error("bad-request", "%s is not valid Unicode text" % name)
        fields[name] = value
    if not valid_timestamp(fields["timestamp"]):
        return error("bad-request", "timestamp must be RFC 3339 with seconds and a zone")
    # Extra members and "type" are not stored.
    rid = store.append(fields)
    return {"status": "ok", "id": rid}


def recv_exact(conn, count, first=b""):
    """Exactly `count` bytes (some may already be in `first`). The buffer grows
    as bytes arrive: nothing is allocated for bytes that never come."""
    data = bytearray(first)
    while len(data) < count:
        chunk = conn.recv(min(count - len(data), RECV_SIZE))
        if not chunk:
            raise Truncated()
        data += chunk
    return bytes(data)


def send_frame(conn, obj):
    payload = encode_json(obj)
    conn.sendall(struct.pack(">I", len(payload)) + payload)


def close_gracefully(sock):
    """Half-close, discard what the peer still sends (bounded), then close, so
    that our last frame is not destroyed by a TCP reset."""
    try:
        sock.shutdown(socket.SHUT_WR)
        deadline = time.monotonic() + DRAIN_SECONDS
        drained = 0
        while drained < DRAIN_LIMIT:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            sock.settimeout(remaining)
            chunk = sock.recv(RECV_SIZE)
            if not chunk:
                break
            drained += len(chunk)
    except OSError:
        pass
    finally:
        sock.close()


def serve(conn, addr, store):
    graceful = False
    try:
        while True:
            conn.settimeout(None)            # idle between frames: no limit
            first = conn.recv(4)
            if not first:
                break                        # closed between frames: normal end
            conn.settimeout(FRAME_TIMEOUT)
            (length,) = struct.unpack(">I", recv_exact(conn, 4, first))
            if length == 0 or length > MAX_FRAME:
                # Never read or allocate L bytes; the stream cannot be resynchronised.
                send_frame(conn, error("bad-length", "frame length must be 1..%d" % MAX_FRAME))
                graceful = True
                break
            body = recv_exact(conn, length)
            try:
                response = handle(body, store)
            except OSError as e:             # the report could not be stored: no "ok"
                print("store: %s" % e, file=sys.stderr, flush=True)
                break
            send_frame(conn, response)
    except Truncated:
        pass                                 # a frame cut off by the close: nobody to answer
    except socket.timeout:
        print("client %s: frame stalled, closing" % (addr,), file=sys.stderr, flush=True)
    except OSError as e:                     # reset, broken pipe: this client only
        print("client %s: %s" % (addr, e), file=sys.stderr, flush=True)
    finally:
        if graceful:
            close_gracefully(conn)
        else:
            conn.close()


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab serialization server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0",
                        help="address to bind (default: all IPv4 interfaces)")
    parser.add_argument("--store", required=True, metavar="FILE",
                        help="JSON-lines file holding the accepted reports")
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, lambda *_: os._exit(0))

    try:
        store = Store(args.store)
    except BadStore as e:
        sys.stderr.write("cannot use store %s: %s\n" % (args.store, e))
        sys.exit(2)
    except OSError as e:
        sys.stderr.write("cannot use store %s: %s\n" % (args.store, e.strerror or e))
        sys.exit(2)

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    try:
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((args.host, args.port))
        listener.listen(128)
    except OSError as e:
        sys.stderr.write("cannot listen on %s:%d: %s\n" % (args.host, args.port, e))
        sys.exit(2)
    print("serialization server on %s:%d, store %s (%d reports, last id %d)"
          % (args.host, args.port, args.store, len(store.recent), store.last_id), flush=True)

    while True:
        try:
            conn, addr = listener.accept()
        except OSError as e:                 # ECONNABORTED, EMFILE, ...: keep serving
            print("accept: %s" % e, file=sys.stderr, flush=True)
            time.sleep(0.05)
            continue
        threading.Thread(target=serve, args=(conn, addr, store), daemon=True).start()


if __name__ == "__main__":
    main()
