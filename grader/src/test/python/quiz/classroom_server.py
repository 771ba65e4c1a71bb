#!/usr/bin/env python3
"""A correct quiz server in the classroom style, built as specs/quiz.md advises ("How to structure the server"): a
reader thread per connection, one game under one threading.Condition, a game thread that waits for answers against a
fixed deadline, and every write made while holding the condition's lock.

The variants beside it import this module, replace one function with a classroom habit, and call main().
"""
import json
import os
import re
import signal
import socket
import sys
import threading
import time
import unicodedata

MAX_LINE = 8192
TEAM = re.compile(r"[A-Za-z0-9_-]{1,20}")

cond = threading.Condition()
settings = {}  # players, rounds, timeout (s), questions: set once by main()


class LineTooLong(Exception):
    pass


class Game:
    """Players in join order and the round in progress; guarded by cond."""

    def __init__(self):
        self.players = []
        self.scores = {}
        self.started = False
        self.over = False
        self.round = 0
        self.open = False
        self.deadline = 0.0
        self.answers = {}


game = Game()  # the game new teams join; guarded by cond


class Player:
    def __init__(self, conn):
        self.conn = conn
        self.team = None
        self.game = None

    def send(self, line):
        """Called with cond held, so lines from two threads never mix and leave in the game's order."""
        try:
            self.conn.sendall(line.encode("utf-8") + b"\n")
        except OSError:
            pass  # its reader thread sees the end and removes it


def fail(code, message):
    print(message, file=sys.stderr, flush=True)
    os._exit(code)


def read_lines(conn):
    """The lines a client sends, without LF and one CR, however TCP cuts them; LineTooLong past 8192 bytes."""
    pending = b""
    while True:
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            if line.endswith(b"\r"):
                line = line[:-1]
            if len(line) > MAX_LINE:
                raise LineTooLong()
            yield line
        if len(pending) > MAX_LINE + 1:
            raise LineTooLong()
        data = conn.recv(65536)
        if not data:
            return
        pending += data


def normalise(text):
    """QUIZ-6: accents removed (NFD, then the combining marks dropped), lower case, white space collapsed."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.lower().split())


def load_questions(path):
    """QUIZ-10: the questions file, checked before the server listens; exit 2 when it is bad."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        fail(2, "bad questions file %s: %s" % (path, e))
    good = isinstance(data, list) and data and all(
        isinstance(item, dict) and all(
            isinstance(item.get(key), str) and item[key].strip() and "\n" not in item[key] and "\r" not in item[key]
            for key in ("question", "answer")) for item in data)
    if not good:
        fail(2, "bad questions file %s: a non-empty JSON array of {question, answer} strings is needed" % path)
    return [(item["question"], item["answer"]) for item in data]


def send_all(g, line):
    for p in g.players:
        p.send(line)


def join(player, team):
    """QUIZ-1, QUIZ-2. False when the connection must be closed."""
    global game
    with cond:
        if player.game is not None:
            player.send("ERR already-joined")
            return True
        if not TEAM.fullmatch(team):
            player.send("ERR bad-team")
            return True
        g = game
        if g.started:
            player.send("ERR game-started")
            return False
        if any(p.team == team for p in g.players):
            player.send("ERR team-taken")
            return True
        player.team, player.game = team, g
        g.players.append(player)
        g.scores[team] = 0
        count = "%d/%d" % (len(g.players), settings["players"])
        player.send("WELCOME %s %s" % (team, count))
        for p in g.players:
            if p is not player:
                p.send("JOINED %s %s" % (team, count))
        if len(g.players) == settings["players"]:
            g.started = True
            send_all(g, "START %d" % settings["rounds"])
            threading.Thread(target=play, args=(g,), daemon=True).start()
        return True


def answer(player, text):
    """QUIZ-3, QUIZ-8: accepted at once; an answer read after the deadline is for no question."""
    with cond:
        g = player.game
        if g is None:
            player.send("ERR not-joined")
        elif not g.open or time.monotonic() >= g.deadline:
            player.send("ERR no-question")
        elif player.team in g.answers:
            player.send("ERR already-answered")
        else:
            g.answers[player.team] = text
            player.send("ACCEPTED %d" % g.round)
            cond.notify_all()


def leave(player):
    """QUIZ-9: a player who leaves a game that is not over."""
    global game
    with cond:
        g = player.game
        if g is None or g.over or player not in g.players:
            return
        g.players.remove(player)
        del g.scores[player.team]
        g.answers.pop(player.team, None)
        send_all(g, "LEFT " + player.team)
        if not g.players and g.started:
            g.over = True
            game = Game()
        cond.notify_all()


def await_answers(g):
    """QUIZ-4: until every remaining player has answered or the deadline has passed (cond held)."""
    while not g.over and len(g.answers) < len(g.players):
        remaining = g.deadline - time.monotonic()
        if remaining <= 0:
            break
        cond.wait(remaining)


def end_round(g, number, correct):
    """QUIZ-4, QUIZ-5: every RESULT, then SCORES to everybody (cond held; the next QUESTION comes after)."""
    for p in g.players:
        given = g.answers.get(p.team)
        if given is None:
            verdict = "TIMEOUT"
        elif normalise(given) == normalise(correct):
            verdict = "CORRECT"
            g.scores[p.team] += 1
        else:
            verdict = "WRONG"
        p.send("RESULT %d %s %s" % (number, verdict, correct))
    send_all(g, "SCORES " + " ".join("%s:%d" % (p.team, g.scores[p.team]) for p in g.players))


def play(g):
    """The game thread: holds cond all along, except while it waits."""
    global game
    with cond:
        for number in range(1, settings["rounds"] + 1):
            question, correct = settings["questions"][number - 1]
            g.round, g.answers, g.open = number, {}, True
            send_all(g, "QUESTION %d %s" % (number, question))
            g.deadline = time.monotonic() + settings["timeout"]
            await_answers(g)
            g.open = False
            if g.over:
                return
            end_round(g, number, correct)
        top = max(g.scores.values())
        send_all(g, "GAMEOVER " + ",".join(p.team for p in g.players if g.scores[p.team] == top))
        g.over = True
        for p in g.players:
            try:
                p.conn.shutdown(socket.SHUT_WR)
            except OSError:
                pass
        game = Game()


def serve(conn):
    player = Player(conn)
    try:
        for raw in read_lines(conn):
            if player.game is not None and player.game.over:
                continue  # after GAMEOVER lines are ignored
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                with cond:
                    player.send("ERR bad-utf8")
                continue
            command, _, argument = line.partition(" ")
            if command == "JOIN":
                if not join(player, argument):
                    break
            elif command == "ANSWER":
                answer(player, argument)
            else:
                with cond:
                    player.send("ERR unknown-command")
    except LineTooLong:
        with cond:
            player.send("ERR line-too-long")
    except OSError:
        pass
    leave(player)
    conn.close()


def positive(options, name, default=None):
    value = options.get(name, default)
    if value is None or not str(value).isdigit() or int(value) < 1:
        fail(2, "usage error: %s must be a positive integer" % name)
    return int(value)


def main():
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    names = ("--port", "--host", "--players", "--questions", "--rounds", "--answer-timeout-ms")
    options = {}
    args = iter(sys.argv[1:])
    for arg in args:
        if arg not in names:
            fail(2, "usage error: unexpected argument " + arg)
        options[arg] = next(args, None)
    if "--port" not in options or "--questions" not in options:
        fail(2, "usage: server.py --port N --players P --questions FILE [--rounds R] [--answer-timeout-ms T]")
    settings["players"] = positive(options, "--players")
    settings["timeout"] = positive(options, "--answer-timeout-ms", 30000) / 1000
    settings["questions"] = load_questions(options["--questions"])
    settings["rounds"] = positive(options, "--rounds", len(settings["questions"]))
    if settings["rounds"] > len(settings["questions"]):
        fail(2, "--rounds must be 1..%d (the number of questions)" % len(settings["questions"]))
    server = socket.socket()
    try:
        server.bind((options.get("--host", "0.0.0.0"), int(options["--port"])))
    except OSError as e:
        fail(2, "cannot listen on port %s: %s" % (options["--port"], e))
    server.listen(128)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main()
