#!/usr/bin/env python3
"""SocketLab `echo` server, TCP and UDP on one port number (RFC 862; see specs/echo.md).

Usage: python3 echo/server.py --port N [--host H]

TCP: one thread per connection sends back every byte it receives; when the
client half-closes, the server finishes and closes. UDP: every datagram goes
back, as one datagram, to the address and port it came from.
"""
import argparse
import os
import signal
import socket
import sys
import threading
import time

TCP_CHUNK = 65536
UDP_MAX = 65535          # larger than any IPv4 UDP payload (65507), so nothing is truncated


def echo_tcp(conn, addr):
    """Echo until the client's EOF. sendall() blocks while the client does not
    read, so we never hold more than one chunk ourselves: the kernel buffers do
    the rest and the client's own pace limits ours."""
    try:
        while True:
            data = conn.recv(TCP_CHUNK)
            if not data:                 # client half-closed: all echoed already
                conn.shutdown(socket.SHUT_WR)
                break
            conn.sendall(data)
    except OSError as e:                 # reset / broken pipe: this client only
        print("tcp %s: %s" % (addr, e), file=sys.stderr, flush=True)
    finally:
        conn.close()


def serve_udp(usock):
    while True:
        try:
            data, addr = usock.recvfrom(UDP_MAX)
            usock.sendto(data, addr)
        except OSError as e:             # e.g. ICMP errors reported late: keep going
            print("udp: %s" % e, file=sys.stderr, flush=True)


def serve_tcp(listener):
    while True:
        try:
            conn, addr = listener.accept()
        except OSError as e:             # ECONNABORTED, EMFILE, ...: keep serving
            print("accept: %s" % e, file=sys.stderr, flush=True)
            time.sleep(0.05)
            continue
        threading.Thread(target=echo_tcp, args=(conn, addr), daemon=True).start()


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab echo server (TCP and UDP)")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0",
                        help="address to bind (default: all IPv4 interfaces)")
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, lambda *_: os._exit(0))

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    try:
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((args.host, args.port))
        listener.listen(256)
        usock = socket.socket(family, socket.SOCK_DGRAM)
        usock.bind((args.host, args.port))
    except OSError as e:
        sys.stderr.write("cannot listen on %s:%d: %s\n" % (args.host, args.port, e))
        sys.exit(2)
    print("echo server on %s:%d (tcp+udp)" % (args.host, args.port), flush=True)

    threading.Thread(target=serve_udp, args=(usock,), daemon=True).start()
    serve_tcp(listener)                  # main thread: SIGTERM interrupts accept()


if __name__ == "__main__":
    main()
