#!/usr/bin/env python3
"""Mistake: the game thread calls cond.wait(T) again after every wake-up, instead of waiting for what is left of a
fixed deadline: each answer restarts the full timeout, and a round whose players answer one after another lasts far
longer than T. Must lose QUIZ-4."""
import classroom_server as server


def await_answers(g):
    while not g.over and len(g.answers) < len(g.players):
        if not server.cond.wait(server.settings["timeout"]):
            break  # a whole T without any wake-up


server.await_answers = await_answers
server.main()
