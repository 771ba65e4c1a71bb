#!/usr/bin/env python3
"""Mistake: buffers a line until its LF however long it gets (a client that never sends LF fills the server's
memory): an 8193-byte line is answered as an unknown command instead of line-too-long and a close. Must lose FT-8."""
import classroom_server as server

server.MAX_LINE = 1 << 40
server.main()
