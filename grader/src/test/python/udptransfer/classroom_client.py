#!/usr/bin/env python3
"""A udp-transfer client in the classroom style: one socket, stop-and-wait (one chunk in flight, waiting for its own
ACK), plain functions, print. It is correct and must keep full marks; each script beside it replaces one of its
functions with a classroom habit.

Usage: classroom_client.py --host H --port N send FILE [NAME]
"""
import hashlib
import os
import random
import socket
import struct
import sys
import time

CHUNK = 1024
FIRST_TIMEOUT = 0.2             # seconds; doubled while the server says nothing, up to MAX_TIMEOUT (UT-18)
MAX_TIMEOUT = 1.0
SILENCE = 10.0                  # no reply for this long: give up (UT-16)
START, DATA, END = 0x01, 0x02, 0x03
START_ACK, ACK, DONE, ERROR = 0x11, 0x12, 0x13, 0x1F

last_heard = 0.0                # when the server last said something about our transfer


def fail(code, message):
    print(message, file=sys.stderr)
    sys.exit(code)


def parse_args(argv):
    """(host, port, file, name): options may come before or after the command."""
    host, port, words = "127.0.0.1", None, []
    i = 0
    while i < len(argv):
        if argv[i] in ("--host", "--port") and i + 1 < len(argv):
            if argv[i] == "--host":
                host = argv[i + 1]
            else:
                port = argv[i + 1]
            i += 2
        else:
            words.append(argv[i])
            i += 1
    if port is None or not port.isdigit() or len(words) not in (2, 3) or words[0] != "send":
        fail(2, "usage: client.py --host H --port N send FILE [NAME]")
    name = words[2] if len(words) == 3 else os.path.basename(words[1])
    return host, int(port), words[1], name


def is_answer(reply, tid, kind, seq):
    """Whether reply answers our request: an ERROR for our tid, or the kind we wait for (an ACK: of our seq)."""
    if len(reply) < 5 or struct.unpack(">I", reply[1:5])[0] != tid:
        return False
    if reply[0] == ERROR:
        return len(reply) == 6
    if reply[0] != kind:
        return False
    if kind == ACK:
        return len(reply) == 9 and struct.unpack(">I", reply[5:9])[0] == seq
    return True


def open_socket(server):
    """An unconnected socket: a server that went away makes ICMP errors, which only a connected socket reports."""
    return socket.socket(socket.AF_INET, socket.SOCK_DGRAM)


def receive(sock, timeout):
    """The next datagram within timeout seconds, or None."""
    sock.settimeout(timeout)
    try:
        reply, _ = sock.recvfrom(2048)
        return reply
    except socket.timeout:
        return None


def request(sock, server, datagram, tid, kind, seq=None):
    """Sends datagram until its answer comes; returns the answer."""
    global last_heard
    timeout = FIRST_TIMEOUT
    while True:
        sock.sendto(datagram, server)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            reply = receive(sock, deadline - time.monotonic())
            if reply is None:
                break
            if len(reply) >= 5 and struct.unpack(">I", reply[1:5])[0] == tid:
                last_heard = time.monotonic()
            if is_answer(reply, tid, kind, seq):
                return reply
        if time.monotonic() - last_heard >= SILENCE:
            fail(2, "no reply from the server for 10 s")
        timeout = min(MAX_TIMEOUT, timeout * 2)


def check_refusal(reply):
    if reply[0] == ERROR:
        if reply[5] == 1:
            fail(1, "the server refused the file: bad name")
        fail(1, "the server refused the file: larger than 64 MiB")


def check_stored(done):
    if done[5] != 0:
        fail(1, "digest mismatch: the server stored nothing")


def main():
    global last_heard
    host, port, path, name = parse_args(sys.argv[1:])
    try:
        with open(path, "rb") as f:
            content = f.read()
    except OSError as e:
        fail(2, "cannot read %s: %s" % (path, e.strerror))
    wire_name = name.encode("utf-8")
    if len(wire_name) > 255:
        fail(2, "a NAME has at most 255 bytes")
    server = (host, port)
    tid = random.getrandbits(32)
    sock = open_socket(server)
    last_heard = time.monotonic()
    reply = request(sock, server, struct.pack(">BIQB", START, tid, len(content), len(wire_name)) + wire_name,
                    tid, START_ACK)
    check_refusal(reply)
    for seq in range((len(content) + CHUNK - 1) // CHUNK):
        chunk = content[seq * CHUNK:(seq + 1) * CHUNK]
        request(sock, server, struct.pack(">BII", DATA, tid, seq) + chunk, tid, ACK, seq)
    digest = hashlib.sha256(content).digest()
    reply = request(sock, server, struct.pack(">BI", END, tid) + digest, tid, DONE)
    check_stored(reply)
    print("OK " + digest.hex(), flush=True)


if __name__ == "__main__":
    main()
