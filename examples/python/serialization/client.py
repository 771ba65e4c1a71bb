#!/usr/bin/env python3
"""SocketLab `serialization` client (see specs/serialization.md).

Usage: python3 serialization/client.py --host H --port N [--list]

Without --list: sends one report about this machine (host name, current
instant, runtime, operating system) and prints "OK <id>", or "ERROR <code>"
when the server refuses it. With --list: prints each stored report as one
compact JSON line. Exit codes: 0 accepted; 1 the server answered an error
frame; 2 usage error, connection refused, server closed before answering,
an invalid reply, or 10 s without the answer.
"""
import argparse
import datetime
import json
import platform
import socket
import struct
import sys

TIMEOUT = 10.0
MAX_FRAME = 1048576
RECV_SIZE = 65536
MAX_STRING = 256


class Failure(Exception):
    """Ends the client: message for stderr, exit code."""

    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


def text_field(value, fallback):
    """A non-empty string of at most 256 code points."""
    value = (value or "").strip() or fallback
    return value[:MAX_STRING]


def this_machine():
    return {
        "type": "report",
        "hostname": text_field(socket.gethostname(), "localhost"),
        "timestamp": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "runtime": text_field("Python " + platform.python_version(), "Python"),
        "os": text_field((platform.system() + " " + platform.release()).strip(), "unknown"),
    }


def recv_exact(sock, count):
    data = bytearray()
    while len(data) < count:
        try:
            chunk = sock.recv(min(count - len(data), RECV_SIZE))
        except socket.timeout:
            raise Failure("no answer from the server for %d s" % TIMEOUT, 2)
        except OSError as e:
            raise Failure("connection lost: %s" % (e.strerror or e), 2)
        if not chunk:
            raise Failure("server closed the connection before answering", 2)
        data += chunk
    return bytes(data)


def exchange(host, port, request):
    """Send one request frame, return the response object."""
    payload = json.dumps(request, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        sock = socket.create_connection((host, port), timeout=TIMEOUT)
    except ConnectionRefusedError:
        raise Failure("connection refused by %s:%d" % (host, port), 2)
    except socket.timeout:
        raise Failure("cannot connect to %s:%d: timed out" % (host, port), 2)
    except OSError as e:
        raise Failure("cannot connect to %s:%d: %s" % (host, port, e.strerror or e), 2)
    with sock:
        try:
            sock.sendall(struct.pack(">I", len(payload)) + payload)
        except socket.timeout:
            raise Failure("the server stopped reading for %d s" % TIMEOUT, 2)
        except OSError as e:
            raise Failure("server closed the connection early: %s" % (e.strerror or e), 2)
        (length,) = struct.unpack(">I", recv_exact(sock, 4))
        if length == 0 or length > MAX_FRAME:
            raise Failure("invalid reply: frame length %d" % length, 2)
        body = recv_exact(sock, length)
    try:
        response = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Failure("invalid reply: not JSON", 2)
    if not isinstance(response, dict) or response.get("status") not in ("ok", "error"):
        raise Failure("invalid reply: no status", 2)
    if response["status"] == "error":
        code = response.get("error")
        if not isinstance(code, str):
            raise Failure("invalid reply: error frame without a code", 2)
        emit("ERROR " + code)            # the code exactly as received
        message = response.get("message")
        detail = (": %s" % message) if isinstance(message, str) and message else ""
        raise Failure("server refused the request: %s%s" % (code, detail), 1)
    return response


def emit(line):
    out = sys.stdout.buffer
    out.write(line.encode("utf-8", "backslashreplace") + b"\n")
    out.flush()


def compact(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def run(args):
    if args.list:
        response = exchange(args.host, args.port, {"type": "list"})
        reports = response.get("reports")
        if not isinstance(reports, list):
            raise Failure("invalid reply: no reports array", 2)
        for report in reports:
            emit(compact(report))
    else:
        response = exchange(args.host, args.port, this_machine())
        rid = response.get("id")
        if type(rid) is not int:
            raise Failure("invalid reply: no id", 2)
        emit("OK %d" % rid)
    return 0


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab serialization client")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--list", action="store_true", help="print the stored reports")
    args = parser.parse_args()
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    try:
        code = run(args)
    except Failure as f:
        sys.stdout.flush()
        sys.stderr.write("%s\n" % f)
        sys.stderr.flush()
        code = f.code
    sys.exit(code)


if __name__ == "__main__":
    main()
