#!/usr/bin/env python3
"""A correct chat client in the classroom style (specs/chat.md, CHAT-11..13): once the nick is accepted, a second
thread prints what the server sends as it arrives while the main thread turns stdin lines into commands.

The variants beside it import this module, replace one function with a classroom habit, and call main().
"""
import os
import socket
import sys
import threading

TIMEOUT = 10

quit_sent = threading.Event()


def fail(code, message):
    """One line on stderr, then exit with code (from any thread: the main one may be blocked reading stdin)."""
    sys.stdout.flush()
    print(message, file=sys.stderr, flush=True)
    os._exit(code)


def parse(argv):
    options = {"--host": "127.0.0.1", "--port": None, "--nick": None}
    args = iter(argv)
    for arg in args:
        if arg not in options:
            fail(2, "usage error: unexpected argument " + arg)
        options[arg] = next(args, None)
    if options["--port"] is None or options["--nick"] is None:
        fail(2, "usage: client.py --host H --port N --nick NICK")
    return options["--host"], int(options["--port"]), options["--nick"]


def connect(host, port):
    try:
        sock = socket.create_connection((host, port), timeout=TIMEOUT)
    except OSError as e:
        fail(2, "cannot connect to %s:%d: %s" % (host, port, e))
    return sock


def send_line(sock, text):
    sock.sendall(text.encode("utf-8") + b"\n")


def read_line(sock, pending):
    """The next line from the server, without its LF and one CR; None when it closes. pending keeps what is left."""
    while b"\n" not in pending:
        data = sock.recv(4096)
        if not data:
            return None
        pending += data
    line, _, rest = bytes(pending).partition(b"\n")
    pending[:] = rest
    return line[:-1] if line.endswith(b"\r") else line


def show(text):
    print(text, flush=True)


def format_line(line):
    """CHAT-12: how a server line is printed."""
    keyword, space, rest = line.partition(" ")
    if not space:
        return line
    if keyword in ("MSG", "PRIV"):
        nick, _, text = rest.partition(" ")
        return "[%s] %s%s" % (nick, "(private) " if keyword == "PRIV" else "", text)
    formats = {"OK": "* connected as %s", "JOIN": "* %s joined", "LEAVE": "* %s left", "USERS": "* users: %s",
               "ERR": "! %s"}
    return formats[keyword] % rest if keyword in formats else line


def to_command(line):
    """CHAT-11: the command a stdin line becomes."""
    if line == "/who":
        return "WHO"
    if line == "/quit":
        return "QUIT"
    if line.startswith("/msg "):
        return "PRIV " + line[len("/msg "):]
    return "MSG " + line


def stdin_lines():
    """Each stdin line as typed: its LF and one CR removed, nothing else; a last line without LF counts."""
    for raw in sys.stdin.buffer:
        line = raw[:-1] if raw.endswith(b"\n") else raw
        yield (line[:-1] if line.endswith(b"\r") else line).decode("utf-8", "replace")


def register(sock, pending, nick):
    """CHAT-13: sends NICK and waits for its answer; an ERR ends the client with exit code 1."""
    send_line(sock, "NICK " + nick)
    try:
        line = read_line(sock, pending)
    except socket.timeout:
        fail(2, "no answer to NICK within %d s" % TIMEOUT)
    if line is None:
        fail(2, "the server closed the connection before accepting the nick")
    reply = line.decode("utf-8", "replace")
    show(format_line(reply))
    if reply.startswith("ERR"):
        fail(1, "nick refused: " + reply)


def listen(sock, pending):
    """The printing thread: every server line as it arrives; the server's close ends the client."""
    try:
        while True:
            line = read_line(sock, pending)
            if line is None:
                break
            show(format_line(line.decode("utf-8", "replace")))
    except OSError:
        pass
    if quit_sent.is_set():
        os._exit(0)
    fail(2, "the server closed the connection before QUIT")


def quit(sock):
    quit_sent.set()
    send_line(sock, "QUIT")


def chat(sock, pending):
    """CHAT-11: stdin lines to commands, QUIT at the end, then wait for the server's close."""
    listener = threading.Thread(target=listen, args=(sock, pending), daemon=True)
    listener.start()
    for line in stdin_lines():
        command = to_command(line)
        if command == "QUIT":
            break
        send_line(sock, command)
    quit(sock)
    listener.join(TIMEOUT)
    fail(2, "the server did not close the connection %d s after QUIT" % TIMEOUT)


def main():
    sys.stdout.reconfigure(encoding="utf-8")  # whatever the locale says: the chat speaks UTF-8
    host, port, nick = parse(sys.argv[1:])
    sock = connect(host, port)
    pending = bytearray()
    register(sock, pending, nick)
    sock.settimeout(None)  # an idle chat never times out
    try:
        chat(sock, pending)
    except OSError as e:
        fail(2, "connection lost: %s" % e)


if __name__ == "__main__":
    main()
