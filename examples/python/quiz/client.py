#!/usr/bin/env python3
"""SocketLab `quiz` client (see specs/quiz.md).

Usage: python3 quiz/client.py --host H --port N --team T

Sends "JOIN T" and prints every server line verbatim, as it arrives. Each
QUESTION is answered with the next stdin line ("ANSWER <line>"). stdin is read
by its own thread into a queue, so waiting for the player never delays
printing; the two threads that may send hold one lock while writing.
Exit codes: 0 after GAMEOVER and the server's close; 1 the JOIN was refused
(ERR before WELCOME); 2 usage error, connection refused, the server closed the
connection before GAMEOVER, or 10 s without an owed answer (WELCOME after JOIN,
ACCEPTED after ANSWER, the close after GAMEOVER).
"""
import argparse
import collections
import os
import select
import socket
import sys
import threading
import time

TIMEOUT = 10.0
RECV_SIZE = 65536
MAX_SERVER_LINE = 1 << 20    # refuse to buffer a "line" without limit

out_lock = threading.Lock()


def emit(line):
    with out_lock:
        sys.stdout.buffer.write(line + b"\n")
        sys.stdout.buffer.flush()


def finish(code, message=None):
    """End the process (the stdin thread may be blocked in a read)."""
    with out_lock:
        sys.stdout.flush()
        if message:
            sys.stderr.write("%s\n" % message)
            sys.stderr.flush()
        os._exit(code)


class Answers:
    """Pairs QUESTION lines with stdin lines, in order: the n-th stdin line
    answers the n-th question, whichever of the two comes first."""

    def __init__(self, sock):
        self.sock = sock
        self.lock = threading.Lock()      # guards the fields and every write to sock
        self.lines = collections.deque()  # stdin lines not used yet
        self.owed = 0                     # questions received and not answered yet
        self.eof = False
        self.sent_at = None               # when the last ANSWER went out (ACCEPTED owed)

    def send(self, line):
        """Write one line; the caller holds self.lock."""
        try:
            self.sock.sendall(line + b"\n")
        except OSError as e:
            finish(2, "connection lost: %s" % (e.strerror or e))

    def _pair(self):
        while self.owed and self.lines:
            self.owed -= 1
            self.send(b"ANSWER " + self.lines.popleft())
            self.sent_at = time.monotonic()

    def question(self):
        with self.lock:
            self.owed += 1
            self._pair()

    def stdin_line(self, line):
        with self.lock:
            self.lines.append(line)
            self._pair()

    def stdin_loop(self):
        """The stdin thread. At end of input nothing more is sent."""
        for raw in sys.stdin.buffer:
            line = raw[:-1] if raw.endswith(b"\n") else raw
            self.stdin_line(line[:-1] if line.endswith(b"\r") else line)

    def answer_overdue(self):
        with self.lock:
            return self.sent_at is not None and time.monotonic() - self.sent_at > TIMEOUT

    def answered(self):
        with self.lock:
            self.sent_at = None


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab quiz client")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--team", required=True)
    args = parser.parse_args()
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    team = os.fsencode(args.team)
    if b"\n" in team or b"\r" in team:
        parser.error("--team cannot contain a line break")

    try:
        sock = socket.create_connection((args.host, args.port), timeout=TIMEOUT)
    except ConnectionRefusedError:
        finish(2, "connection refused by %s:%d" % (args.host, args.port))
    except socket.timeout:
        finish(2, "cannot connect to %s:%d: timed out" % (args.host, args.port))
    except OSError as e:
        finish(2, "cannot connect to %s:%d: %s" % (args.host, args.port, e.strerror or e))
    sock.settimeout(None)                 # waits are done with select()

    answers = Answers(sock)
    with answers.lock:
        answers.send(b"JOIN " + team)
    threading.Thread(target=answers.stdin_loop, daemon=True).start()

    joined = False
    gameover_at = None
    owed_since = time.monotonic()         # WELCOME is owed after JOIN
    buf = bytearray()
    while True:                           # the main thread reads the socket
        now = time.monotonic()
        if not joined and now - owed_since > TIMEOUT:
            finish(2, "no answer to JOIN within %d s" % TIMEOUT)
        if gameover_at is not None and now - gameover_at > TIMEOUT:
            finish(2, "the server did not close the connection after GAMEOVER")
        if answers.answer_overdue():
            finish(2, "no answer to ANSWER within %d s" % TIMEOUT)
        ready, _, _ = select.select([sock], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = sock.recv(RECV_SIZE)
        except OSError as e:
            if gameover_at is not None:
                finish(0)                 # a reset after GAMEOVER is still the close
            finish(2, "connection lost: %s" % (e.strerror or e))
        if not chunk:
            if gameover_at is not None:
                finish(0)
            finish(2, "the server closed the connection before GAMEOVER")
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
            emit(line)                    # verbatim, as it arrives
            answers.answered()            # any line answers an owed ANSWER
            if not joined:
                if line.startswith(b"WELCOME ") or line == b"WELCOME":
                    joined = True
                elif line.startswith(b"ERR ") or line == b"ERR":
                    finish(1, "join refused: %s" % line[4:].decode("utf-8", "replace"))
            elif line.startswith(b"QUESTION ") and gameover_at is None:
                answers.question()
            elif line.startswith(b"GAMEOVER ") or line == b"GAMEOVER":
                gameover_at = time.monotonic()   # now only the close is owed


if __name__ == "__main__":
    main()
