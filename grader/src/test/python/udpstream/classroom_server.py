#!/usr/bin/env python3
"""A udp-stream receiver in the classroom style: one socket, one loop with a short receive timeout for the idle
check, a dictionary of frames, PNG written with zlib and struct, print. It is correct and must keep full marks; each
script beside it replaces one of its functions with a classroom habit.

Usage: classroom_server.py --port N --out DIR [--show] [--host H]
"""
import os
import signal
import socket
import struct
import sys
import time
import zlib

IDLE = 2.0                      # a frame without END is written this long after its last datagram (US-5)

frames = {}                     # frame number -> {"width", "height", "rows": {y: rgb}, "last": time}
written = set()                 # frame numbers already written: their late datagrams are ignored (US-9)


def parse_args(argv):
    options = {"--host": "0.0.0.0"}
    words = [a for a in argv if a != "--show"]
    for i in range(0, len(words) - 1, 2):
        options[words[i]] = words[i + 1]
    if len(words) % 2 or "--port" not in options or "--out" not in options:
        print("usage: server.py --port N --out DIR [--show] [--host H]", file=sys.stderr)
        sys.exit(2)
    return options["--host"], int(options["--port"]), options["--out"]


def receive(sock):
    """The next datagram, whole (a 480-pixel ROW is 1447 bytes), or None after 0.1 s."""
    try:
        data, _ = sock.recvfrom(65535)
        return data
    except socket.timeout:
        return None


def announce(number, received, height):
    print("FRAME %d %d/%d" % (number, received, height), flush=True)


def png(width, height, rows):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    raw = b"".join(b"\x00" + row for row in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def write(out, number):
    frame = frames.pop(number)
    written.add(number)
    rows, above = [], bytes(3 * frame["width"])           # black until a row arrives (US-2)
    for y in range(frame["height"]):
        above = frame["rows"].get(y, above)
        rows.append(above)
    temp = os.path.join(out, ".frame-%d.png" % number)
    with open(temp, "wb") as f:
        f.write(png(frame["width"], frame["height"], rows))
    os.replace(temp, os.path.join(out, "frame-%d.png" % number))
    announce(number, len(frame["rows"]), frame["height"])


def well_formed(data):
    """Whether a datagram has its type's layout: HEADER 9 bytes of a possible size, ROW 7 + 3 x (1..480), END 5."""
    if len(data) < 5:
        return False
    if data[0] == 1:
        return len(data) == 9 and 1 <= struct.unpack(">H", data[5:7])[0] <= 480 and data[7:9] != b"\0\0"
    if data[0] == 2:
        return 7 < len(data) <= 7 + 3 * 480 and (len(data) - 7) % 3 == 0
    return data[0] == 3 and len(data) == 5


def take(out, data):
    """Takes one datagram in; anything malformed or late is ignored (US-8, US-9)."""
    if not well_formed(data):
        return
    number = struct.unpack(">I", data[1:5])[0]
    if number in written:
        return
    frame = frames.setdefault(number, {"width": 0, "height": 0, "rows": {}, "ended": False})
    frame["last"] = time.monotonic()
    if data[0] == 1 and frame["width"] == 0:       # the first HEADER decides; rows kept before it must fit (US-4)
        frame["width"], frame["height"] = struct.unpack(">HH", data[5:9])
        frame["rows"] = {y: rgb for y, rgb in frame["rows"].items()
                         if y < frame["height"] and len(rgb) == 3 * frame["width"]}
    elif data[0] == 2:
        y = struct.unpack(">H", data[5:7])[0]
        fits = frame["width"] == 0 or (y < frame["height"] and len(data) - 7 == 3 * frame["width"])
        if fits and y not in frame["rows"]:
            frame["rows"][y] = data[7:]
    elif data[0] == 3:
        frame["ended"] = True
    if frame["ended"] and frame["width"] > 0:         # on END, or on the HEADER that follows an early END
        write(out, number)


def write_idle(out):
    """Writes the frames idle for 2 s; a frame that never got its HEADER is dropped (US-5, US-6)."""
    now = time.monotonic()
    for number in [n for n, f in frames.items() if now - f["last"] >= IDLE]:
        if frames[number]["width"] > 0:
            write(out, number)
        else:
            del frames[number]


def main():
    host, port, out = parse_args(sys.argv[1:])
    if not os.path.isdir(out):
        print("cannot write frames to %s: not a folder" % out, file=sys.stderr)
        sys.exit(2)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 21)
    try:
        sock.bind((host, port))
    except OSError as e:
        print("cannot bind port %d: %s" % (port, e), file=sys.stderr)
        sys.exit(2)
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    sock.settimeout(0.1)
    while True:
        data = receive(sock)
        if data is not None:
            take(out, data)
        write_idle(out)


if __name__ == "__main__":
    main()
