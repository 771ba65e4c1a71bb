#!/usr/bin/env python3
"""A correct serialization client in the classroom style (specs/serialization.md, SER-9..11).

The variants beside it import this module, replace one function with a classroom habit, and call main().
"""
import datetime
import json
import platform
import socket
import struct
import sys

TIMEOUT = 10


def fail(code, message):
    """One line on stderr, then exit with code."""
    sys.stdout.flush()
    print(message, file=sys.stderr, flush=True)
    sys.exit(code)


def this_machine():
    return {
        "type": "report",
        "hostname": socket.gethostname() or "localhost",
        "timestamp": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "runtime": "Python " + platform.python_version(),
        "os": platform.system() + " " + platform.release(),
    }


def connect(host, port):
    try:
        sock = socket.create_connection((host, port), timeout=TIMEOUT)
    except OSError as e:
        fail(2, "cannot connect to %s:%d: %s" % (host, port, e))
    sock.settimeout(TIMEOUT)
    return sock


def recv_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            fail(2, "the server closed the connection before its answer was complete")
        data += chunk
    return data


def read_frame(sock):
    """The answer's body: exactly the length its prefix announces."""
    (length,) = struct.unpack(">I", recv_exact(sock, 4))
    if length == 0 or length > 1048576:
        fail(2, "the server announced an answer of %d bytes" % length)
    return recv_exact(sock, length)


def exchange(host, port, request):
    sock = connect(host, port)
    body = json.dumps(request).encode("utf-8")
    try:
        sock.sendall(struct.pack(">I", len(body)) + body)
        answer = read_frame(sock)
    except socket.timeout:
        fail(2, "no answer from the server within %d s" % TIMEOUT)
    except OSError as e:
        fail(2, "connection lost: %s" % e)
    finally:
        sock.close()
    try:
        reply = json.loads(answer.decode("utf-8"))
    except ValueError:
        fail(2, "the answer is not JSON")
    if not isinstance(reply, dict) or reply.get("status") not in ("ok", "error"):
        fail(2, "the answer has no status")
    return reply


def refused(reply):
    print("ERROR", reply.get("error"), flush=True)
    fail(1, "the server refused: %s: %s" % (reply.get("error"), reply.get("message")))


def show(report):
    print(json.dumps(report, ensure_ascii=False, separators=(",", ":")), flush=True)


def main():
    argv = sys.argv[1:]
    unknown = [a for i, a in enumerate(argv) if a.startswith("--") and a not in ("--host", "--port", "--list")
               and (i == 0 or argv[i - 1] not in ("--host", "--port"))]
    if "--port" not in argv or argv.index("--port") + 1 >= len(argv) or unknown:
        fail(2, "usage: client.py --host H --port N [--list]")
    host = argv[argv.index("--host") + 1] if "--host" in argv else "127.0.0.1"
    port = int(argv[argv.index("--port") + 1])
    reply = exchange(host, port, {"type": "list"} if "--list" in argv else this_machine())
    if reply["status"] == "error":
        refused(reply)
    if "--list" in argv:
        if not isinstance(reply.get("reports"), list):
            fail(2, "the answer to list carries no array of reports")
        for report in reply["reports"]:
            show(report)
    elif not isinstance(reply.get("id"), int) or isinstance(reply.get("id"), bool):
        fail(2, "the answer to the report carries no id")
    else:
        print("OK", reply["id"], flush=True)


if __name__ == "__main__":
    main()
