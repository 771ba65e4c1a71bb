#!/usr/bin/env python3
"""Mistake: a JOIN counts the players, answers WELCOME with that count and only then adds the player, without
holding the lock across the three steps (a log line in between makes the window wide). Two teams that join at the
same moment get the same k, and the game may never start. Must lose QUIZ-1."""
import sys
import time

import classroom_server as server

original = server.join


def join(player, team):
    with server.cond:
        ready = player.game is None and server.TEAM.fullmatch(team) and not server.game.started and not any(
            p.team == team for p in server.game.players)
        k = len(server.game.players) + 1
    if not ready:
        return original(player, team)
    print("%s joins as player %d" % (team, k), file=sys.stderr, flush=True)
    time.sleep(0.05)  # the log write: the window the race needs
    with server.cond:
        g = server.game
        player.team, player.game = team, g
        g.players.append(player)
        g.scores[team] = 0
        count = "%d/%d" % (k, server.settings["players"])
        player.send("WELCOME %s %s" % (team, count))
        for p in g.players:
            if p is not player:
                p.send("JOINED %s %s" % (team, count))
        if k == server.settings["players"]:
            g.started = True
            server.send_all(g, "START %d" % server.settings["rounds"])
            server.threading.Thread(target=server.play, args=(g,), daemon=True).start()
    return True


server.join = join
server.main()
