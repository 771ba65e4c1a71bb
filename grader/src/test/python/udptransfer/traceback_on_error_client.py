#!/usr/bin/env python3
"""Mistake: an ERROR reply raises an exception: the client ends with exit code 1, but its stderr is a traceback, not
one line saying which refusal came. Must lose UT-15."""
import classroom_client as client


class Refused(Exception):
    pass


def check_refusal(reply):
    if reply[0] == client.ERROR:
        raise Refused("ERROR %d" % reply[5])


client.check_refusal = check_refusal
client.main()
