#!/usr/bin/env python3
"""Mistake: no SIGTERM handler: Python dies of the signal (exit code 143, or -15 as Python reports it), not 0.
Must lose SER-8."""
import classroom_server as server

server.exit_zero_on_sigterm = lambda: None
server.main()
