#!/usr/bin/env python3
"""A correct sockets client in the classroom style (specs/sockets.md, SOCK-9..11).

The variants beside it import this module, replace one function with a classroom habit, and call main().
"""
import socket
import sys

TIMEOUT = 10


def fail(code, message):
    """One line on stderr, then exit with code."""
    sys.stdout.flush()
    print(message, file=sys.stderr, flush=True)
    sys.exit(code)


def parse(argv):
    host, port, messages = "127.0.0.1", None, []
    args = iter(argv)
    for arg in args:
        if arg == "--host":
            host = next(args)
        elif arg == "--port":
            port = int(next(args))
        else:
            messages.append(arg)
    if port is None:
        fail(2, "usage: client.py --host H --port N [MESSAGE...]")
    if any("\n" in m or "\r" in m for m in messages):
        fail(2, "usage error: a MESSAGE cannot contain a line break")
    return host, port, messages


def connect(host, port):
    try:
        sock = socket.create_connection((host, port), timeout=TIMEOUT)
    except OSError as e:
        fail(2, "cannot connect to %s:%d: %s" % (host, port, e))
    sock.settimeout(TIMEOUT)
    return sock


def read_line(sock, pending):
    """The next line from the server, without its LF and one CR; None when it closes. pending keeps what is left."""
    while b"\n" not in pending:
        data = sock.recv(1024)
        if not data:
            return None
        pending += data
    line, _, rest = bytes(pending).partition(b"\n")
    pending[:] = rest
    return line[:-1] if line.endswith(b"\r") else line


def show(line):
    """Prints a received line verbatim and at once."""
    sys.stdout.buffer.write(line + b"\n")
    sys.stdout.buffer.flush()


def send_line(sock, line):
    sock.sendall(line + b"\n")


def messages(arguments):
    """The MESSAGE arguments, or else stdin lines read one at a time, as they are typed."""
    if arguments:
        for message in arguments:
            yield message.encode()
        return
    for raw in sys.stdin.buffer:
        line = raw[:-1] if raw.endswith(b"\n") else raw
        yield line[:-1] if line.endswith(b"\r") else line


def on_err(line):
    fail(1, "the server refused: " + line.decode(errors="replace"))


def answer(sock, pending):
    """Reads, prints and returns the line the server owes now; stops at ERR or at an early close."""
    line = read_line(sock, pending)
    if line is None:
        fail(2, "the server closed the connection before the exchange was over")
    show(line)
    if line.startswith(b"ERR"):
        on_err(line)
    return line


def after_bye(sock, pending):
    """After the server's BYE: prints whatever else comes until the server closes."""
    while True:
        line = read_line(sock, pending)
        if line is None:
            return
        show(line)


def converse(sock, source):
    pending = bytearray()
    answer(sock, pending)
    for message in source:
        if message == b"BYE":
            break
        send_line(sock, message)
        answer(sock, pending)
    send_line(sock, b"BYE")
    answer(sock, pending)
    after_bye(sock, pending)


def main():
    host, port, arguments = parse(sys.argv[1:])
    source = messages(arguments)  # a generator: nothing is read from stdin yet
    sock = connect(host, port)
    try:
        converse(sock, source)
    except socket.timeout:
        fail(2, "no answer from the server for %d s" % TIMEOUT)
    except OSError as e:
        fail(2, "connection lost: %s" % e)
    sock.close()
    sys.exit(0)


if __name__ == "__main__":
    main()
