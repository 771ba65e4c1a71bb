#!/usr/bin/env python3
"""Mistake: the game thread polls instead of waiting on the condition: it looks at the answers once a second
(time.sleep(1) between looks) and ends the round at the first look past the deadline, counting every answer that
arrived until then, late ones included (the player's thread takes any answer while the round is open). Must lose
QUIZ-4."""
import time

import classroom_server as server


def answer(player, text):
    with server.cond:
        g = player.game
        if g is None:
            player.send("ERR not-joined")
        elif not g.open:
            player.send("ERR no-question")
        elif player.team in g.answers:
            player.send("ERR already-answered")
        else:
            g.answers[player.team] = text
            player.send("ACCEPTED %d" % g.round)


def await_answers(g):
    while not g.over and len(g.answers) < len(g.players) and time.monotonic() < g.deadline:
        server.cond.release()
        time.sleep(1)
        server.cond.acquire()


server.answer = answer
server.await_answers = await_answers
server.main()
