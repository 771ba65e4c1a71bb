#!/usr/bin/env python3
"""Mistake: print(report) shows Python's repr of the dict ({'hostname': ...}, single quotes, True, None), which is
not JSON. Must lose SER-10."""
import classroom_client as client

client.show = lambda report: print(report, flush=True)
client.main()
