#!/usr/bin/env python3
"""Mistake: no handler for SIGTERM. Python then dies of the signal, which the shell reports as exit code 143, not
the 0 the contract asks for. Must lose HTTP-18."""
import signal

import examples  # noqa: F401
import server


class NoHandlers:
    SIGTERM = signal.SIGTERM
    SIGINT = signal.SIGINT

    @staticmethod
    def signal(number, handler):
        pass                    # the habit: the server never installs one


server.signal = NoHandlers
server.main()
