#!/usr/bin/env python3
"""SocketLab `chat` client (see specs/chat.md).

Usage: python3 chat/client.py --host H --port N --nick NICK

Sends "NICK NICK". A reader thread prints every server line as it arrives,
formatted ("[ana] hi", "* bob joined", ...). Once the nick is accepted the main
thread reads stdin: /who -> WHO, /msg <nick> <text> -> PRIV, /quit -> QUIT,
anything else -> MSG <line>; end of input -> QUIT.
Exit codes: 0 the server closed the connection after QUIT; 1 the nick was
refused; 2 usage error, connection refused, the server closed the connection
before QUIT, or 10 s without an owed answer (OK after NICK, the close after QUIT).
"""
import argparse
import os
import select
import socket
import sys
import threading
import time

TIMEOUT = 10.0
RECV_SIZE = 65536
MAX_SERVER_LINE = 1 << 20    # a forwarded line is at most ~4 KiB; refuse to buffer without limit

# (prefix, format): the rest of the line after the prefix replaces {}.
SIMPLE = [
    (b"OK ", b"* connected as %s"),
    (b"JOIN ", b"* %s joined"),
    (b"LEAVE ", b"* %s left"),
    (b"USERS ", b"* users: %s"),
    (b"ERR ", b"! %s"),
]

out_lock = threading.Lock()


def emit(line):
    with out_lock:
        sys.stdout.buffer.write(line + b"\n")
        sys.stdout.buffer.flush()


def finish(code, message=None):
    """End the whole process from any thread (the main thread may be blocked
    reading stdin, which cannot be interrupted portably)."""
    with out_lock:
        sys.stdout.flush()
        if message:
            sys.stderr.write("%s\n" % message)
            sys.stderr.flush()
        os._exit(code)


def format_line(line):
    """A server line -> what we print (bytes, without LF)."""
    for prefix, fmt in SIMPLE:
        if line.startswith(prefix):
            return fmt % line[len(prefix):]
    for prefix, fmt in ((b"MSG ", b"[%s] %s"), (b"PRIV ", b"[%s] (private) %s")):
        if line.startswith(prefix):
            nick, _, text = line[len(prefix):].partition(b" ")
            if nick:                          # "MSG ana" (no text) is an empty message
                return fmt % (nick, text)
    return line                               # anything else: as received


def to_command(line):
    """A stdin line -> the protocol line to send."""
    if line == b"/who":
        return b"WHO"
    if line == b"/quit":
        return b"QUIT"
    if line.startswith(b"/msg "):
        return b"PRIV " + line[5:]
    return b"MSG " + line


class Session:
    def __init__(self, sock):
        self.sock = sock
        self.state_lock = threading.Lock()
        self.registered = threading.Event()
        self.quit_sent = False
        self.deadline = time.monotonic() + TIMEOUT    # the OK after NICK is owed

    def send(self, line):
        try:
            self.sock.sendall(line + b"\n")
        except OSError as e:
            finish(2, "connection lost: %s" % (e.strerror or e))

    def quit(self):
        with self.state_lock:
            self.quit_sent = True
            self.deadline = time.monotonic() + TIMEOUT   # now the close is owed
        self.send(b"QUIT")

    def read_loop(self):
        """Reader thread: print lines as they arrive; decide the exit on close."""
        buf = bytearray()
        while True:
            with self.state_lock:
                deadline = self.deadline
            if deadline is not None and time.monotonic() >= deadline:
                if self.quit_sent:
                    finish(2, "the server did not close the connection %d s after QUIT" % TIMEOUT)
                finish(2, "the server did not answer NICK within %d s" % TIMEOUT)
            # Wake up at least every 0.5 s: quit() may set a deadline meanwhile.
            ready, _, _ = select.select([self.sock], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = self.sock.recv(RECV_SIZE)
            except OSError as e:
                chunk = b""
                if not self.quit_sent:
                    finish(2, "connection lost: %s" % (e.strerror or e))
            if not chunk:
                if self.quit_sent:
                    finish(0)
                finish(2, "the server closed the connection")
            buf += chunk
            while True:
                lf = buf.find(b"\n")
                if lf < 0:
                    if len(buf) > MAX_SERVER_LINE:
                        finish(2, "the server sent a line longer than %d bytes" % MAX_SERVER_LINE)
                    break
                line = bytes(buf[:lf])
                del buf[:lf + 1]
                if line.endswith(b"\r"):
                    line = line[:-1]
                self.on_line(line)

    def on_line(self, line):
        emit(format_line(line))
        if self.registered.is_set():
            return
        if line.startswith(b"OK ") or line == b"OK":
            with self.state_lock:
                if not self.quit_sent:
                    self.deadline = None      # nothing owed while we chat
            self.registered.set()
        elif line.startswith(b"ERR ") or line == b"ERR":
            finish(1, "nick refused: %s" % line[4:].decode("utf-8", "replace"))


def stdin_lines():
    """stdin lines as bytes, LF and one trailing CR removed; a last line without LF counts."""
    for raw in sys.stdin.buffer:
        line = raw[:-1] if raw.endswith(b"\n") else raw
        yield line[:-1] if line.endswith(b"\r") else line


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab chat client")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--nick", required=True)
    args = parser.parse_args()
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    nick = os.fsencode(args.nick)
    if b"\n" in nick or b"\r" in nick:
        parser.error("--nick cannot contain a line break")

    try:
        sock = socket.create_connection((args.host, args.port), timeout=TIMEOUT)
    except ConnectionRefusedError:
        finish(2, "connection refused by %s:%d" % (args.host, args.port))
    except socket.timeout:
        finish(2, "cannot connect to %s:%d: timed out" % (args.host, args.port))
    except OSError as e:
        finish(2, "cannot connect to %s:%d: %s" % (args.host, args.port, e.strerror or e))
    sock.settimeout(None)          # the reader waits with select(); sends may block

    session = Session(sock)
    session.send(b"NICK " + nick)
    threading.Thread(target=session.read_loop, daemon=True).start()

    session.registered.wait()      # stdin is read only once the nick is accepted
    for line in stdin_lines():
        command = to_command(line)
        if command == b"QUIT":
            break
        session.send(command)
    session.quit()                 # /quit or end of input
    while True:                    # the reader thread ends the process
        time.sleep(3600)


if __name__ == "__main__":
    main()
