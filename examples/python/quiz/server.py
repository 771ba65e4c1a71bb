#!/usr/bin/env python3
"""SocketLab `quiz` server: multiplayer quiz with synchronised rounds (see specs/quiz.md).

Usage: python3 quiz/server.py --port N --players P --questions FILE
                              [--rounds R] [--answer-timeout-ms T] [--host H]

One reader thread per connection handles JOIN and ANSWER. A game runs in its
own thread once P teams have joined. All game state is guarded by one
threading.Condition, and every line that belongs to a game is written while
holding it: the game thread writes all RESULTs, then SCORES, then the next
QUESTION without letting go, so no player can see round i+1 before everybody
was sent round i. It waits for answers with Condition.wait(timeout) against a
fixed deadline; ANSWER and disconnects notify it.
"""
import argparse
import json
import os
import re
import signal
import socket
import struct
import sys
import threading
import time
import unicodedata

MAX_LINE = 8192              # bytes of content a client may send, without LF / CR
RECV_SIZE = 4096
SEND_TIMEOUT = 5             # seconds a write may block before the player is dropped
DRAIN_SECONDS = 2.0          # after GAMEOVER / game-started: wait for the peer's EOF
DRAIN_LIMIT = 1 << 20

TEAM = re.compile(r"[A-Za-z0-9_-]{1,20}")


class LineTooLong(Exception):
    pass


class BadQuestions(Exception):
    pass


class LineReader:
    """LF-terminated lines from a socket, with its own buffer (one recv() is not
    one line). The buffer never grows past one maximal line."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = bytearray()
        self.eof = False

    def readline(self):
        while True:
            lf = self.buf.find(b"\n")
            if lf >= 0:
                line = bytes(self.buf[:lf])
                del self.buf[:lf + 1]
                return self._finish(line)
            if len(self.buf) > MAX_LINE + 1 or (
                    len(self.buf) == MAX_LINE + 1 and self.buf[-1] != 0x0D):
                raise LineTooLong()
            if self.eof:
                if self.buf:
                    line = bytes(self.buf)
                    self.buf.clear()
                    return self._finish(line)
                return None
            chunk = self.sock.recv(RECV_SIZE)
            if chunk:
                self.buf += chunk
            else:
                self.eof = True

    @staticmethod
    def _finish(line):
        if line.endswith(b"\r"):
            line = line[:-1]
        if len(line) > MAX_LINE:
            raise LineTooLong()
        return line


def normalise(text):
    """Trim, collapse whitespace, lower-case, remove accents (NFD, drop combining marks)."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.lower().split())


def load_questions(path):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise BadQuestions("cannot read %s: %s" % (path, e.strerror or e))
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as e:
        raise BadQuestions("%s is not valid JSON: %s" % (path, e))
    if not isinstance(data, list) or not data:
        raise BadQuestions("%s must hold a non-empty JSON array" % path)
    questions = []
    for number, item in enumerate(data, 1):
        if not isinstance(item, dict):
            raise BadQuestions("question %d is not an object" % number)
        pair = []
        for key in ("question", "answer"):
            value = item.get(key)
            if not isinstance(value, str) or not value.strip():
                raise BadQuestions("question %d: %r must be a non-empty string" % (number, key))
            if "\n" in value or "\r" in value:
                raise BadQuestions("question %d: %r cannot contain a line break" % (number, key))
            pair.append(value)
        questions.append(tuple(pair))
    return questions


def shutdown(sock, how):
    try:
        sock.shutdown(how)
    except OSError:
        pass


def close_gracefully(sock):
    """Half-close, discard what the peer still sends (bounded), then close."""
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


class Conn:
    """One connection. Lines to it are written only while holding the quiz's
    condition, so lines from different threads never interleave and the order
    of the game is the order on every socket."""

    def __init__(self, sock):
        self.sock = sock
        self.team = None
        self.game = None             # the Game it joined
        self.broken = False

    def send(self, line):
        if self.broken:
            return
        try:
            self.sock.sendall(line.encode("utf-8") + b"\n")
        except OSError:
            # Reset, or blocked for SEND_TIMEOUT s (a player that does not read):
            # drop it; its reader thread sees EOF and removes it from the game.
            self.broken = True
            shutdown(self.sock, socket.SHUT_RDWR)


class Game:
    def __init__(self, quiz):
        self.quiz = quiz
        self.players = []            # join order
        self.scores = {}             # team -> points
        self.state = "lobby"         # lobby -> running -> over
        self.round = 0
        self.open = False            # a question is open for answers
        self.deadline = 0.0
        self.answers = {}            # team -> answer text, this round

    def broadcast(self, line, exclude=None):
        for p in list(self.players):
            if p is not exclude:
                p.send(line)


class Quiz:
    def __init__(self, questions, players, rounds, timeout):
        self.questions = questions
        self.size = players
        self.rounds = rounds
        self.timeout = timeout
        self.cond = threading.Condition()
        self.game = Game(self)       # the game new players join

    # Called by connection threads.

    def join(self, conn, arg):
        with self.cond:
            if conn.game is not None:
                conn.send("ERR already-joined")
                return True
            if not TEAM.fullmatch(arg):       # also "JOIN" alone and "JOIN a b"
                conn.send("ERR bad-team")
                return True
            game = self.game
            if game.state != "lobby":
                conn.send("ERR game-started")
                return False                  # the connection is closed
            if any(p.team == arg for p in game.players):
                conn.send("ERR team-taken")
                return True
            conn.team, conn.game = arg, game
            game.players.append(conn)
            game.scores[arg] = 0
            k = len(game.players)
            conn.send("WELCOME %s %d/%d" % (arg, k, self.size))
            game.broadcast("JOINED %s %d/%d" % (arg, k, self.size), exclude=conn)
            if k == self.size:
                game.state = "running"
                game.broadcast("START %d" % self.rounds)
                threading.Thread(target=self.run, args=(game,), daemon=True).start()
            return True

    def answer(self, conn, text):
        with self.cond:
            game = conn.game
            if game is None:
                conn.send("ERR not-joined")
            elif not game.open or time.monotonic() >= game.deadline:
                conn.send("ERR no-question")
            elif conn.team in game.answers:
                conn.send("ERR already-answered")
            else:
                game.answers[conn.team] = text
                conn.send("ACCEPTED %d" % game.round)   # at once, not at the end of the round
                self.cond.notify_all()

    def leave(self, conn):
        with self.cond:
            game = conn.game
            if game is None or game.state == "over" or conn not in game.players:
                return                        # never joined, or its game has ended
            game.players.remove(conn)
            del game.scores[conn.team]
            game.answers.pop(conn.team, None)
            game.broadcast("LEFT %s" % conn.team)
            if game.state == "running" and not game.players:
                self._reset(game)             # nobody left: a fresh game
            self.cond.notify_all()            # the round may be complete now

    # The game thread.

    def run(self, game):
        with self.cond:
            for i in range(1, self.rounds + 1):
                if game.state != "running":
                    return
                question, answer = self.questions[i - 1]
                game.round, game.answers, game.open = i, {}, True
                game.broadcast("QUESTION %d %s" % (i, question))
                game.deadline = time.monotonic() + self.timeout   # T counts from now
                while game.state == "running" and len(game.answers) < len(game.players):
                    remaining = game.deadline - time.monotonic()
                    if remaining <= 0:
                        break
                    self.cond.wait(remaining)   # releases the lock while waiting
                game.open = False
                if game.state != "running":
                    return
                # Still holding the lock: all RESULTs, then SCORES, then (next
                # iteration) the next QUESTION. Nobody can slip in between.
                expected = normalise(answer)
                for p in list(game.players):
                    given = game.answers.get(p.team)
                    if given is None:
                        verdict = "TIMEOUT"
                    elif normalise(given) == expected:
                        verdict = "CORRECT"
                        game.scores[p.team] += 1
                    else:
                        verdict = "WRONG"
                    p.send("RESULT %d %s %s" % (i, verdict, answer))
                game.broadcast("SCORES " + " ".join(
                    "%s:%d" % (p.team, game.scores[p.team]) for p in game.players))
            if game.state != "running":
                return
            top = max(game.scores.values())
            game.broadcast("GAMEOVER " + ",".join(
                p.team for p in game.players if game.scores[p.team] == top))
            self._reset(game)

    def _reset(self, game):
        """End `game` (lock held): close its connections, open a fresh lobby."""
        game.state = "over"
        game.open = False
        for p in game.players:
            # Our side is done; the reader thread closes the socket at the
            # peer's EOF, or after DRAIN_SECONDS at the latest.
            shutdown(p.sock, socket.SHUT_WR)
            threading.Timer(DRAIN_SECONDS, shutdown, args=(p.sock, socket.SHUT_RDWR)).start()
        if self.game is game:
            self.game = Game(self)


def handle(conn, quiz, line):
    """One command. Returns False when the connection must be closed."""
    if conn.game is not None and conn.game.state == "over":
        return True                           # game over: lines are ignored until the close
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        with quiz.cond:
            conn.send("ERR bad-utf8")
        return True
    command, space, arg = text.partition(" ")
    if command == "JOIN":
        return quiz.join(conn, arg)
    if command == "ANSWER":
        quiz.answer(conn, arg)                # everything after "ANSWER ", spaces included
        return True
    with quiz.cond:
        conn.send("ERR unknown-command")
    return True


def serve(sock, addr, quiz):
    conn = Conn(sock)
    try:
        # A write that blocks this long means the peer stopped reading.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", SEND_TIMEOUT, 0))
    except (OSError, struct.error):
        pass
    reader = LineReader(sock)
    graceful = False
    try:
        while True:
            try:
                line = reader.readline()
            except LineTooLong:
                with quiz.cond:
                    conn.send("ERR line-too-long")
                graceful = True
                break
            if line is None:
                break
            if not handle(conn, quiz, line):
                graceful = True
                break
    except OSError as e:                      # reset: this connection only
        print("client %s: %s" % (addr, e), file=sys.stderr, flush=True)
    finally:
        quiz.leave(conn)                      # LEFT to the others, if it was playing
        if graceful:
            close_gracefully(sock)
        else:
            sock.close()


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab quiz server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0",
                        help="address to bind (default: all IPv4 interfaces)")
    parser.add_argument("--players", type=int, required=True, metavar="P")
    parser.add_argument("--questions", required=True, metavar="FILE")
    parser.add_argument("--rounds", type=int, metavar="R")
    parser.add_argument("--answer-timeout-ms", type=int, default=30000, metavar="T")
    args = parser.parse_args()
    if args.players < 1:
        parser.error("--players must be at least 1")
    if args.answer_timeout_ms < 1:
        parser.error("--answer-timeout-ms must be at least 1")

    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, lambda *_: os._exit(0))

    # Everything is checked before the port is opened.
    try:
        questions = load_questions(args.questions)
    except BadQuestions as e:
        sys.stderr.write("bad questions file: %s\n" % e)
        sys.exit(2)
    rounds = len(questions) if args.rounds is None else args.rounds
    if not 1 <= rounds <= len(questions):
        sys.stderr.write("--rounds must be 1..%d (the number of questions)\n" % len(questions))
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
    print("quiz server on %s:%d: %d players, %d rounds, %d ms per question"
          % (args.host, args.port, args.players, rounds, args.answer_timeout_ms), flush=True)

    quiz = Quiz(questions, args.players, rounds, args.answer_timeout_ms / 1000.0)
    while True:
        try:
            sock, addr = listener.accept()
        except OSError as e:                  # ECONNABORTED, EMFILE, ...: keep serving
            print("accept: %s" % e, file=sys.stderr, flush=True)
            time.sleep(0.05)
            continue
        threading.Thread(target=serve, args=(sock, addr, quiz), daemon=True).start()


if __name__ == "__main__":
    main()
