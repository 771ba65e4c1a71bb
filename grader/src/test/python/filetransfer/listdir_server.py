#!/usr/bin/env python3
"""Mistake: LIST shows os.listdir() as it comes: in the file system's order, dot files included. Must lose FT-3."""
import os

import classroom_server as server

server.names = lambda: os.listdir(server.folder)
server.main()
