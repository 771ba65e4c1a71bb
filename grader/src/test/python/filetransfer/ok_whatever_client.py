#!/usr/bin/env python3
"""Mistake: put prints OK and the file's digest once the upload is sent, whatever the server answered (an ERR, or
an OK for other content). Must lose FT-10."""
import classroom_client as client

client.report_put = lambda reply, digest: print("OK " + digest, flush=True)
client.main()
