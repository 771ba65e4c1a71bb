#!/usr/bin/env python3
"""Mistake: no threads: the accept loop serves each connection to its end before accepting the next, so a client
that stays connected holds up everyone else. Must lose FT-8."""
import classroom_server as server

server.start = server.serve
server.main()
