#!/usr/bin/env python3
"""A correct quiz client in the classroom style (specs/quiz.md, QUIZ-12..13): the main thread prints every server
line as it arrives; a second thread reads stdin, and the n-th stdin line answers the n-th QUESTION, whichever of the
two comes first. Both send while holding one lock.

The variants beside it import this module, replace one function with a classroom habit, and call main().
"""
import os
import socket
import sys
import threading
import time

TIMEOUT = 10

lock = threading.Lock()  # guards typed, owed and every write to the socket
typed = []  # stdin lines not sent yet
owed = [0]  # questions received and not answered yet
reply_owed_since = [None]  # when an ANSWER went out with no server line since (QUIZ-13)


def fail(code, message):
    """One line on stderr, then exit with code (from any thread: the stdin one may be blocked reading)."""
    sys.stdout.flush()
    print(message, file=sys.stderr, flush=True)
    os._exit(code)


def parse(argv):
    options = {"--host": "127.0.0.1", "--port": None, "--team": None}
    args = iter(argv)
    for arg in args:
        if arg not in options:
            fail(2, "usage error: unexpected argument " + arg)
        options[arg] = next(args, None)
    if options["--port"] is None or options["--team"] is None:
        fail(2, "usage: client.py --host H --port N --team TEAM")
    return options["--host"], int(options["--port"]), options["--team"]


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


def stdin_lines():
    """Each stdin line as typed: its LF and one CR removed, nothing else; a last line without LF counts."""
    for raw in sys.stdin.buffer:
        line = raw[:-1] if raw.endswith(b"\n") else raw
        yield (line[:-1] if line.endswith(b"\r") else line).decode("utf-8", "replace")


def pair(sock):
    """Sends an answer for each question that has a typed line (lock held)."""
    while owed[0] and typed:
        owed[0] -= 1
        send_line(sock, "ANSWER " + typed.pop(0))
        if reply_owed_since[0] is None:
            reply_owed_since[0] = time.monotonic()


def watch_replies():
    """QUIZ-13: an ANSWER with no server line for 10 s ends the client; waiting for a round never does."""
    while True:
        since = reply_owed_since[0]
        if since is not None and time.monotonic() - since >= TIMEOUT:
            fail(2, "no reply to ANSWER within %d s" % TIMEOUT)
        time.sleep(0.1)


def read_answers(sock):
    """The stdin thread. At the end of stdin it simply stops: nothing more is sent."""
    for line in stdin_lines():
        with lock:
            typed.append(line)
            pair(sock)


def question_arrived(sock):
    with lock:
        owed[0] += 1
        pair(sock)


def joined(reply):
    """QUIZ-13: the answer to JOIN; an ERR ends the client with exit code 1."""
    if reply.startswith("ERR"):
        fail(1, "join refused: " + reply)


def play(sock, pending):
    """QUIZ-12: prints every line as it arrives until the server closes; exit 0 only after GAMEOVER."""
    over = False
    first = True
    while True:
        line = read_line(sock, pending)
        if line is None:
            break
        reply_owed_since[0] = None
        text = line.decode("utf-8", "replace")
        show(text)
        if first:
            joined(text)
            first = False
            sock.settimeout(None)  # waiting for the others may take long
        if text.startswith("QUESTION ") and not over:
            question_arrived(sock)
        elif text.startswith("GAMEOVER"):
            over = True
            sock.settimeout(TIMEOUT)  # now the close is owed
    if not over:
        fail(2, "the server closed the connection before GAMEOVER")
    os._exit(0)


def main():
    sys.stdout.reconfigure(encoding="utf-8")  # whatever the locale says: the game speaks UTF-8
    host, port, team = parse(sys.argv[1:])
    sock = connect(host, port)
    with lock:
        send_line(sock, "JOIN " + team)
    threading.Thread(target=read_answers, args=(sock,), daemon=True).start()
    threading.Thread(target=watch_replies, daemon=True).start()
    try:
        play(sock, bytearray())
    except socket.timeout:
        fail(2, "no answer from the server within %d s" % TIMEOUT)
    except OSError as e:
        fail(2, "connection lost: %s" % e)


if __name__ == "__main__":
    main()
