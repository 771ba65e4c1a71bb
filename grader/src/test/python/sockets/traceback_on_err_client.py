#!/usr/bin/env python3
"""Mistake: an ERR reply raises an exception nobody catches. The exit code is 1, as the contract wants, but only
because Python crashed: stderr holds a traceback instead of one line. Must lose SOCK-9."""
import classroom_client as client


def on_err(line):
    raise RuntimeError("server error: " + line.decode(errors="replace"))


client.on_err = on_err
client.main()
