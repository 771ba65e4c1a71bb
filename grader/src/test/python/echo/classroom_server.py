#!/usr/bin/env python3
"""A correct echo server in the classroom style (specs/echo.md, ECHO-1..7): a thread per TCP connection, one for
UDP on the same port, exit 0 on SIGTERM.

The variants beside it import this module, replace one function with a classroom habit, and call main().
"""
import os
import signal
import socket
import sys
import threading


def fail(code, message):
    print(message, file=sys.stderr, flush=True)
    os._exit(code)


def echo(conn):
    """Sends back every byte as it arrives until the client half-closes."""
    while True:
        data = conn.recv(65536)
        if not data:
            return
        conn.sendall(data)


def serve(conn):
    with conn:
        try:
            echo(conn)
        except OSError:
            pass


def serve_udp(udp):
    while True:
        try:
            data, sender = udp.recvfrom(65535)
            udp.sendto(data, sender)
        except OSError:
            continue


def bind(argv):
    """The TCP (listening) and UDP sockets on --port, exit 0 on SIGTERM; a port that is taken is exit 2."""
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    port = int(argv[argv.index("--port") + 1]) if "--port" in argv else fail(2, "usage: server.py --port N")
    tcp = socket.socket()
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        tcp.bind(("0.0.0.0", port))
        udp.bind(("0.0.0.0", port))
    except OSError as e:
        fail(2, "cannot listen on port %d: %s" % (port, e))
    tcp.listen(128)
    return tcp, udp


def main():
    tcp, udp = bind(sys.argv[1:])
    threading.Thread(target=serve_udp, args=(udp,), daemon=True).start()
    while True:
        conn, _ = tcp.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main()
