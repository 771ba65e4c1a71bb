#!/usr/bin/env python3
"""A correct echo client in the classroom style (specs/echo.md, ECHO-8..10): over TCP a second thread copies stdin
to the socket while the main one copies the echo to stdout; with --udp, one datagram per line, three sends at most.

The variants beside it import this module, replace one function with a classroom habit, and call main().
"""
import os
import socket
import sys
import threading
import time


def fail(code, message):
    sys.stdout.flush()
    print(message, file=sys.stderr, flush=True)
    os._exit(code)


def parse(argv):
    options = {"--host": "127.0.0.1", "--port": None, "--timeout-ms": "1000"}
    udp = False
    args = iter(argv)
    for arg in args:
        if arg == "--udp":
            udp = True
        elif arg in options:
            options[arg] = next(args)
        else:
            fail(2, "usage error: unexpected argument " + arg)
    if options["--port"] is None:
        fail(2, "usage: client.py --host H --port N [--udp] [--timeout-ms T]")
    return options["--host"], int(options["--port"]), udp, int(options["--timeout-ms"]) / 1000


# ECHO-8: an echo is owed while bytes sent have not come back, and the close after the half-close.
tally = {"sent": 0, "received": 0, "input_done": False, "owed_since": None}


def send_stdin(sock):
    """stdin to the socket as it comes, then a half-close: the server learns the input is over."""
    while True:
        data = os.read(0, 65536)
        if not data:
            break
        if tally["received"] >= tally["sent"]:
            tally["owed_since"] = time.monotonic()
        tally["sent"] += len(data)
        sock.sendall(data)
    if tally["owed_since"] is None:
        tally["owed_since"] = time.monotonic()
    tally["input_done"] = True
    sock.shutdown(socket.SHUT_WR)


def print_echo(sock):
    """The socket to stdout, byte for byte, until the server closes."""
    while True:
        data = sock.recv(65536)
        if not data:
            if not tally["input_done"]:
                fail(2, "the server closed the connection before the end of the input")
            return
        tally["received"] += len(data)
        done = tally["received"] >= tally["sent"] and not tally["input_done"]
        tally["owed_since"] = None if done else time.monotonic()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


def watch_echoes():
    """10 s without anything while an echo is owed end the client; a quiet user never does."""
    while True:
        since = tally["owed_since"]
        if since is not None and time.monotonic() - since >= 10:
            fail(2, "no echo from the server within 10 s")
        time.sleep(0.1)


def exchange(sock):
    threading.Thread(target=send_stdin, args=(sock,), daemon=True).start()
    print_echo(sock)


def tcp(host, port):
    try:
        sock = socket.create_connection((host, port))
    except OSError as e:
        fail(2, "cannot connect to %s:%d: %s" % (host, port, e))
    threading.Thread(target=watch_echoes, daemon=True).start()
    try:
        exchange(sock)
    except OSError as e:
        fail(2, "connection lost: %s" % e)
    sys.exit(0)


def echoed(sock, payload, timeout):
    """Sends payload up to three times; True once the same payload comes back."""
    for _ in range(3):
        sock.send(payload)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            sock.settimeout(max(0.001, deadline - time.monotonic()))
            try:
                if sock.recv(65535) == payload:
                    return True
            except socket.timeout:
                break
            except ConnectionRefusedError:
                continue
    return False


def udp(host, port, timeout):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.connect((host, port))
    lost = 0
    for raw in sys.stdin.buffer:
        line = raw[:-1] if raw.endswith(b"\n") else raw
        line = line[:-1] if line.endswith(b"\r") else line
        if len(line) <= 65507 and echoed(sock, line, timeout):
            sys.stdout.buffer.write(line + b"\n")
            sys.stdout.buffer.flush()
        else:
            lost += 1
            sys.stderr.buffer.write(b"LOST " + line + b"\n")
            sys.stderr.buffer.flush()
    sys.exit(1 if lost else 0)


def main():
    host, port, over_udp, timeout = parse(sys.argv[1:])
    if over_udp:
        udp(host, port, timeout)
    else:
        tcp(host, port)


if __name__ == "__main__":
    main()
