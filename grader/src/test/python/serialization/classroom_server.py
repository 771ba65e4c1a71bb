#!/usr/bin/env python3
"""A correct serialization server in the classroom style (specs/serialization.md, SER-1..8): a thread per
connection, one lock around the store, plain functions.

The variants beside it import this module, replace one function with a classroom habit, and call main().
"""
import datetime
import json
import os
import re
import signal
import socket
import struct
import sys
import threading

MAX = 1048576
FIELDS = ("hostname", "timestamp", "runtime", "os")
TIMESTAMP = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?"
                       r"([Zz]|[+-]([0-9]{2}):([0-9]{2}))")

lock = threading.Lock()
reports = []          # everything stored, oldest first
store = None          # the FILE, opened for appending


class Closed(Exception):
    """The client left in the middle of a frame."""


class BadLength(Exception):
    pass


def fail(code, message):
    print(message, file=sys.stderr, flush=True)
    os._exit(code)


def recv_exact(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(min(n - len(data), 65536))
        if not chunk:
            raise Closed()
        data += chunk
    return data


def read_frame(conn):
    """The next frame's body; None when the client closed between frames."""
    first = conn.recv(1)
    if not first:
        return None
    (length,) = struct.unpack(">I", first + recv_exact(conn, 3))
    if length == 0 or length > MAX:
        raise BadLength()
    return recv_exact(conn, length)


def refuse_constant(name):
    raise ValueError(name + " is not JSON")


def parse(body):
    """The request object; ValueError (with RecursionError and UnicodeDecodeError) when it is not JSON."""
    return json.loads(body.decode("utf-8"), parse_constant=refuse_constant)


def valid_timestamp(text):
    m = TIMESTAMP.fullmatch(text)
    if not m:
        return False
    year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
    if m.group(9) is not None and (int(m.group(9)) > 23 or int(m.group(10)) > 59):
        return False
    try:
        datetime.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return False
    return True


def problem(request):
    """What is wrong with a report request, or None."""
    for field in FIELDS:
        value = request.get(field)
        if not isinstance(value, str):
            return field + " must be a string"
        if not 1 <= len(value) <= 256:
            return field + " must have 1 to 256 characters"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return field + " is not Unicode text"
    if not valid_timestamp(request["timestamp"]):
        return "timestamp must be RFC 3339 with seconds and a zone"
    return None


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def save(request):
    """Stores a valid report (on disk before the answer) and returns its id."""
    with lock:
        report = {field: request[field] for field in FIELDS}
        report["id"] = reports[-1]["id"] + 1 if reports else 1
        report["received"] = now()
        store.write(json.dumps(report, ensure_ascii=False) + "\n")
        store.flush()
        os.fsync(store.fileno())
        reports.append(report)
        return report["id"]


def error(code, message):
    return {"status": "error", "error": code, "message": message}


NOT_JSON = object()


def request_of(body):
    """The request, or NOT_JSON: invalid UTF-8, invalid JSON, or JSON too deep for the parser."""
    try:
        return parse(body)
    except (ValueError, RecursionError):
        return NOT_JSON


def answer(body):
    request = request_of(body)
    if request is NOT_JSON:
        return error("bad-json", "not valid JSON")
    if not isinstance(request, dict):
        return error("bad-request", "the request must be a JSON object")
    if request.get("type") == "list":
        with lock:
            return {"status": "ok", "reports": reports[-100:]}
    if request.get("type") != "report":
        return error("bad-request", "type must be report or list")
    wrong = problem(request)
    if wrong:
        return error("bad-request", wrong)
    return {"status": "ok", "id": save(request)}


def send_frame(conn, reply):
    body = json.dumps(reply, ensure_ascii=False).encode("utf-8")
    conn.sendall(struct.pack(">I", len(body)) + body)


def serve(conn):
    with conn:
        try:
            while True:
                try:
                    body = read_frame(conn)
                except BadLength:
                    send_frame(conn, error("bad-length", "frame length must be 1..1048576"))
                    conn.shutdown(socket.SHUT_WR)
                    conn.settimeout(2)
                    while conn.recv(65536):
                        pass
                    return
                if body is None:
                    return
                send_frame(conn, answer(body))
        except (OSError, Closed):
            pass


def start(conn):
    threading.Thread(target=serve, args=(conn,), daemon=True).start()


def load(path):
    """The reports stored by earlier runs; a last line without LF (a kill mid-write) is dropped."""
    if not os.path.exists(path):
        return
    with open(path, "rb") as f:
        data = f.read()
    complete = data[:data.rfind(b"\n") + 1]
    for number, line in enumerate(complete.decode("utf-8").splitlines(), 1):
        try:
            reports.append(json.loads(line))
        except ValueError:
            fail(2, "line %d of %s is not a stored report" % (number, path))
    if len(complete) < len(data):
        with open(path, "r+b") as f:
            f.truncate(len(complete))


def listen(argv):
    global store
    if "--port" not in argv or "--store" not in argv:
        fail(2, "usage: server.py --port N --store FILE")
    port = int(argv[argv.index("--port") + 1])
    path = argv[argv.index("--store") + 1]
    try:
        load(path)
        store = open(path, "a", encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        fail(2, "cannot use %s as the store: %s" % (path, e))
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
    print("listening", flush=True)
    while True:
        conn, _ = listener.accept()
        start(conn)


if __name__ == "__main__":
    main()
