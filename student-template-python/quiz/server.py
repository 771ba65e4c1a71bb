#!/usr/bin/env python3
"""SocketLab `quiz` server: multiplayer quiz with synchronised rounds (see specs/quiz.md).

Usage: python3 quiz/server.py --port N --players P --questions FILE
                              [--rounds R] [--answer-timeout-ms T] [--host H] [--log-level SPEC]

One reader thread per connection handles JOIN and ANSWER. A game runs in its own thread once P
teams have joined. All game state is guarded by one threading.Condition, and every line that
belongs to a game is written while holding it: the game thread writes all RESULTs, then SCORES,
then the next QUESTION without letting go, so no player can see round i+1 before everybody was
sent round i. It waits for answers with Condition.wait(timeout) against a fixed deadline; ANSWER
and disconnects notify it.

The command line, the questions file, the line reader and the lingering close are given; each TODO
is yours and cites the clause of specs/quiz.md it implements.
"""
import json
import logging
import os
import re
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "quiz server"
MAX_LINE = 8192              # bytes of content a client may send, without LF / CR
RECV_SIZE = 4096
SEND_TIMEOUT = 5             # seconds a write may block before the player is dropped
DRAIN_SECONDS = 2.0          # after GAMEOVER / game-started: wait for the peer's EOF
DRAIN_LIMIT = 1 << 20

TEAM = re.compile(r"[A-Za-z0-9_-]{1,20}")   # QUIZ-2: use fullmatch, not match

log = logging.getLogger("quiz.server")
game_log = logging.getLogger("quiz.server.game")


class LineTooLong(Exception):
    pass


class BadQuestions(Exception):
    pass


class LineReader:
    """LF-terminated lines from a socket, with its own buffer (given: as in sockets/server.py)."""

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
    """QUIZ-6: the form in which two answers are compared."""
    # TODO(QUIZ-6): trim, collapse runs of whitespace (str.split() splits on any Unicode space) into one
    #   space, lower-case, and remove accents: unicodedata.normalize("NFD", text) splits each accented
    #   letter into its base and combining marks; drop those (unicodedata.combining(c)).
    raise NotImplementedError("normalise")


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
        self.questions = questions   # [(question, answer)], in file order
        self.size = players
        self.rounds = rounds
        self.timeout = timeout       # seconds per question
        self.cond = threading.Condition()
        self.game = Game(self)       # the game new players join

    # Called by connection threads.

    def join(self, conn, arg):
        """QUIZ-1, QUIZ-2: JOIN <team>; returns False when the connection must now be closed."""
        # TODO(QUIZ-2): with self.cond: a conn already in a game is "ERR already-joined"; a team that does not
        #   TEAM.fullmatch is "ERR bad-team"; a game past its lobby is "ERR game-started" (return False: the
        #   connection is closed); a team already in the game is "ERR team-taken".
        # TODO(QUIZ-1): otherwise join: "WELCOME <team> <k>/<P>" to it, "JOINED <team> <k>/<P>" to the others;
        #   the P-th player starts the game: state "running", "START <R>" to all, and self.run(game) on a
        #   daemon thread.
        raise NotImplementedError("Quiz.join")

    def answer(self, conn, text):
        """QUIZ-3, QUIZ-8: ANSWER <text>, accepted at once ("ACCEPTED <i>"); the game thread ends the round."""
        # TODO(QUIZ-8): "ERR not-joined", "ERR no-question" (no open question, or past its deadline),
        #   "ERR already-answered". TODO(QUIZ-3): otherwise keep the answer, send "ACCEPTED <i>" and
        #   self.cond.notify_all(): the last answer due ends the round at once.
        raise NotImplementedError("Quiz.answer")

    def leave(self, conn):
        """QUIZ-9: the connection has ended; if it was playing, the game goes on without it."""
        # TODO(QUIZ-9): remove it from its game (players, scores, answers), "LEFT <team>" to the others,
        #   notify_all() (the round may be complete now); a running game left empty is reset.
        raise NotImplementedError("Quiz.leave")

    # The game thread.

    def run(self, game):
        """Every round, then GAMEOVER, holding self.cond all along except while it waits."""
        # TODO(QUIZ-3): for round i: "QUESTION <i> <text>" to all; the deadline is now + self.timeout.
        # TODO(QUIZ-4): wait with self.cond.wait(remaining) until every player answered or the deadline
        #   passed (a wake-up is not the end: check again). Then, still holding the lock (QUIZ-5):
        #   "RESULT <i> CORRECT|WRONG|TIMEOUT <answer>" to each player (QUIZ-6: compare normalise() of
        #   both), then "SCORES team:points ..." in join order to all.
        # TODO(QUIZ-7): after the last round, "GAMEOVER <teams with the top score, comma-separated>",
        #   then self._reset(game).
        raise NotImplementedError("Quiz.run")

    def _reset(self, game):
        """QUIZ-7: ends ``game`` (lock held): closes its connections and opens a fresh lobby."""
        # TODO(QUIZ-7): state "over"; for each player shutdown(p.sock, socket.SHUT_WR) now, and SHUT_RDWR
        #   DRAIN_SECONDS later at most (threading.Timer), so that GAMEOVER is read before the close;
        #   then self.game = Game(self).
        raise NotImplementedError("Quiz._reset")


def handle(conn, quiz, line):
    """One command line (bytes). Returns False when the connection must be closed."""
    # TODO(QUIZ-8): a line that is not UTF-8 gets "ERR bad-utf8" (sent while holding quiz.cond, as every
    #   line); JOIN <team> goes to quiz.join, ANSWER <text> (everything after "ANSWER ") to quiz.answer;
    #   anything else is "ERR unknown-command". Once its game is over, lines are ignored.
    raise NotImplementedError("handle")


def serve(sock, addr, quiz):
    """One connection, on its own reader thread."""
    # TODO: conn = Conn(sock); read lines with LineReader(sock) and handle() each. A line over MAX_LINE is
    #   "ERR line-too-long", then close. When handle() says so (game-started), or after
    #   line-too-long, end with close_gracefully(sock); otherwise sock.close().
    # TODO(QUIZ-9): whatever happened, quiz.leave(conn) at the end. A reset is logged (log.debug).
    # A player that stops reading must not freeze the game: give writes a deadline, e.g.
    #   sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", SEND_TIMEOUT, 0)).
    raise NotImplementedError("serve")


def main():
    parser = cli.Parser(PROGRAM, "SocketLab quiz server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0", help="address to bind (default: all IPv4 interfaces)")
    parser.add_argument("--players", type=int, required=True, metavar="P")
    parser.add_argument("--questions", required=True, metavar="FILE")
    parser.add_argument("--rounds", type=int, metavar="R")
    parser.add_argument("--answer-timeout-ms", type=int, default=30000, metavar="T")
    args = parser.parse()
    if args.players < 1:
        parser.error("--players must be at least 1")
    if args.answer_timeout_ms < 1:
        parser.error("--answer-timeout-ms must be at least 1")
    # QUIZ-10: everything is checked before the port is opened.
    try:
        questions = load_questions(args.questions)
    except BadQuestions as e:
        raise cli.Failure("bad questions file: %s" % e, cli.USAGE)
    rounds = len(questions) if args.rounds is None else args.rounds
    if not 1 <= rounds <= len(questions):
        raise cli.Failure("--rounds must be 1..%d (the number of questions)" % len(questions), cli.USAGE)
    # TODO(QUIZ-11): SIGTERM ends the server with exit code 0:
    #   signal.signal(signal.SIGTERM, lambda *_: os._exit(0)).
    # TODO: a TCP socket with SO_REUSEADDR bound to (args.host, args.port); an OSError is
    #   cli.Failure("cannot listen on ...", cli.USAGE). Then
    #   quiz = Quiz(questions, args.players, rounds, args.answer_timeout_ms / 1000.0) and accept() forever,
    #   serve(sock, addr, quiz) on a daemon thread per connection.
    raise NotImplementedError("the server's socket")


if __name__ == "__main__":
    cli.run(PROGRAM, "quiz", main)
