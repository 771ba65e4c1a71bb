"""Hostile sockets client: prints 8 MiB of binary junk, then sends random bytes and 64 KiB runs without a newline
to the server for as long as it is let, printing junk all along. The grader's memory must stay bounded."""
import os
import socket
import sys


out = sys.stdout.buffer
for _ in range(128):
    out.write(os.urandom(64 * 1024))
args = sys.argv[1:]
port = int(args[args.index("--port") + 1])
try:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        while True:
            s.sendall(os.urandom(64 * 1024))
            s.sendall(b"A" * (64 * 1024))
            out.write(os.urandom(4096))
except OSError:
    pass
out.flush()
