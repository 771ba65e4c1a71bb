#!/usr/bin/env python3
"""A udp-transfer server in the classroom style: one socket, one loop, a dictionary of transfers keyed by (client
address, tid), each chunk written at its offset in a hidden temporary file. It is correct and must keep full marks;
each script beside it replaces one of its functions with a classroom habit.

Usage: classroom_server.py --port N --dir DIR [--host H]
"""
import hashlib
import os
import signal
import socket
import struct
import sys
import time

CHUNK = 1024
MAX_SIZE = 64 * 1024 * 1024
IDLE = 30.0                     # a transfer this long without a datagram is dropped, temporary file included
ALLOWED = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-")

transfers = {}                  # (address, tid) -> dict with name, size, chunks, received, temp, fd, status
started = 0                     # transfers started so far: names their temporary files


def parse_args(argv):
    options = {"--host": "0.0.0.0"}
    for i in range(0, len(argv) - 1, 2):
        options[argv[i]] = argv[i + 1]
    if len(argv) % 2 or "--port" not in options or "--dir" not in options:
        print("usage: server.py --port N --dir DIR [--host H]", file=sys.stderr)
        sys.exit(2)
    return options["--host"], int(options["--port"]), options["--dir"]


def valid_name(name):
    return 0 < len(name) <= 255 and name[0] != ord(".") and all(c in ALLOWED for c in name)


def read_datagram(data):
    """(type, tid, fields) of a well-formed datagram, or None (UT-9)."""
    if len(data) < 5:
        return None
    kind, tid = data[0], struct.unpack(">I", data[1:5])[0]
    if kind == 0x01 and len(data) >= 14 and len(data) == 14 + data[13]:
        size = struct.unpack(">Q", data[5:13])[0]
        return kind, tid, (size, data[14:])
    if kind == 0x02 and len(data) >= 9:
        return kind, tid, (struct.unpack(">I", data[5:9])[0], data[9:])
    if kind == 0x03 and len(data) == 37:
        return kind, tid, (data[5:],)
    return None


def chunk_length(t, seq):
    return CHUNK if seq < t["chunks"] - 1 else t["size"] - (t["chunks"] - 1) * CHUNK


def on_start(folder, key, tid, size, name):
    if not valid_name(name):
        return struct.pack(">BIB", 0x1F, tid, 1)
    if size > MAX_SIZE:
        return struct.pack(">BIB", 0x1F, tid, 2)
    global started
    t = transfers.get(key)
    if t is None:
        started += 1
        temp = os.path.join(folder, ".upload-%d-%d.part" % (os.getpid(), started))
        t = {"name": name.decode("ascii"), "size": size, "chunks": (size + CHUNK - 1) // CHUNK, "received": set(),
             "temp": temp, "fd": os.open(temp, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644), "status": None,
             "last": time.monotonic()}
        transfers[key] = t
    elif t["name"] != name.decode("ascii") or t["size"] != size:
        return None                 # that tid is taken by another file
    return struct.pack(">BI", 0x11, tid)


def on_data(key, tid, seq, payload):
    t = transfers.get(key)
    if t is None or seq >= t["chunks"] or len(payload) != chunk_length(t, seq):
        return None
    if t["status"] is None and seq not in t["received"]:
        os.pwrite(t["fd"], payload, seq * CHUNK)
        t["received"].add(seq)
    return struct.pack(">BII", 0x12, tid, seq)


def on_end(folder, key, tid, digest):
    t = transfers.get(key)
    if t is None or len(t["received"]) < t["chunks"]:
        return None
    if t["status"] is None:
        os.ftruncate(t["fd"], t["size"])
        h = hashlib.sha256()
        for offset in range(0, t["size"], 1 << 20):
            h.update(os.pread(t["fd"], 1 << 20, offset))
        os.fsync(t["fd"])
        os.close(t["fd"])
        if h.digest() == digest:
            os.replace(t["temp"], os.path.join(folder, t["name"]))
            t["status"] = 0
        else:
            os.remove(t["temp"])
            t["status"] = 1
    return struct.pack(">BIB", 0x13, tid, t["status"])


def drop_idle():
    """Transfers idle for 30 s are dropped, their temporary files deleted."""
    now = time.monotonic()
    for key in [k for k, t in transfers.items() if now - t["last"] >= IDLE]:
        t = transfers.pop(key)
        if t["status"] is None:
            os.close(t["fd"])
            os.remove(t["temp"])


def answer(folder, data, address):
    datagram = read_datagram(data)
    if datagram is None:
        return None
    kind, tid, fields = datagram
    key = (address, tid)
    if key in transfers:
        transfers[key]["last"] = time.monotonic()
    if kind == 0x01:
        return on_start(folder, key, tid, *fields)
    if kind == 0x02:
        return on_data(key, tid, *fields)
    return on_end(folder, key, tid, *fields)


def receive(sock):
    """One datagram, whole: a DATA is 1033 bytes, and any datagram up to 65,535 must be seen whole to be judged."""
    return sock.recvfrom(65535)


def main():
    host, port, folder = parse_args(sys.argv[1:])
    if not os.path.isdir(folder):
        print("cannot store files in %s: not a folder" % folder, file=sys.stderr)
        sys.exit(2)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.bind((host, port))
    except OSError as e:
        print("cannot bind port %d: %s" % (port, e), file=sys.stderr)
        sys.exit(2)
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    sock.settimeout(1.0)        # wakes up to drop idle transfers
    while True:
        try:
            data, address = receive(sock)
        except socket.timeout:
            drop_idle()
            continue
        reply = answer(folder, data, address)
        if reply is not None:
            sock.sendto(reply, address)
        drop_idle()


if __name__ == "__main__":
    main()
