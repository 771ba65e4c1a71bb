#!/usr/bin/env python3
"""SocketLab `udp-stream` receiver: assembles frames streamed row by row over UDP (see specs/udp-stream.md).

Usage: python3 udpstream/server.py --port N --out DIR [--show] [--host H]

One socket, one loop. Rows are kept per frame (also those that arrive before
the frame's HEADER; once it comes, rows beyond the height or of another width
are dropped). A frame is finished on END, or 2 s after its last datagram: rows
that never came are copied from the nearest received row above (black if
none), the frame is written as DIR/frame-<F>.png (8-bit RGB, encoded by hand
with zlib + struct, written to a hidden temporary file and renamed) and
`FRAME <F> <received>/<height>` is printed. A frame whose HEADER never came
is dropped silently. Datagrams for finished frames, and malformed ones, are
ignored. --show is accepted, but this implementation has no window.
"""
import argparse
import os
import signal
import socket
import struct
import sys
import time
import zlib

MAX_WIDTH = 480
QUIET_SECONDS = 2.0             # a frame is finished this long after its last datagram
HEADER, ROW, END = 0x01, 0x02, 0x03
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class Frame:
    def __init__(self):
        self.width = None           # None until the HEADER arrives
        self.height = None
        self.rows = {}              # y -> rgb bytes
        self.ended = False          # END came before the HEADER
        self.touched = time.monotonic()

    def fits(self, y, rgb):
        return y < self.height and len(rgb) == 3 * self.width

    def set_header(self, width, height):
        self.width, self.height = width, height
        self.rows = {y: rgb for y, rgb in self.rows.items() if self.fits(y, rgb)}

    def pixels(self):
        """Raw PNG scanlines (filter type 0), missing rows concealed."""
        black = bytes(3 * self.width)
        above = None
        lines = []
        for y in range(self.height):
            rgb = self.rows.get(y)
            if rgb is None:
                rgb = above if above is not None else black
            else:
                above = rgb
            lines.append(b"\x00" + rgb)
        return b"".join(lines)


def png_chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def encode_png(width, height, scanlines):
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)   # 8-bit RGB, no interlace
    return (PNG_SIGNATURE + png_chunk(b"IHDR", ihdr)
            + png_chunk(b"IDAT", zlib.compress(scanlines, 6)) + png_chunk(b"IEND", b""))


class Receiver:
    def __init__(self, sock, out):
        self.sock = sock
        self.out = out
        self.frames = {}            # frame number -> Frame in progress
        self.finished = set()       # frame numbers written: their late datagrams are ignored

    def frame(self, number):
        """The frame in progress, created on its first datagram; None once finished."""
        if number in self.finished:
            return None
        frame = self.frames.get(number)
        if frame is None:
            frame = self.frames[number] = Frame()
        frame.touched = time.monotonic()
        return frame

    def on_datagram(self, data):
        kind = data[0]
        if kind == HEADER and len(data) == 9:
            number, width, height = struct.unpack_from(">IHH", data, 1)
            if not (0 < width <= MAX_WIDTH and height > 0):
                return
            frame = self.frame(number)
            if frame is None:
                return
            if frame.width is None:
                frame.set_header(width, height)
                if frame.ended:
                    self.finish(number)
        elif kind == ROW and len(data) >= 10 and (len(data) - 7) % 3 == 0:
            number, y = struct.unpack_from(">IH", data, 1)
            rgb = data[7:]
            if len(rgb) > 3 * MAX_WIDTH:
                return
            frame = self.frame(number)
            if frame is None or y in frame.rows:
                return
            if frame.width is None or frame.fits(y, rgb):
                frame.rows[y] = rgb
        elif kind == END and len(data) == 5:
            number, = struct.unpack_from(">I", data, 1)
            frame = self.frame(number)
            if frame is None:
                return
            if frame.width is None:
                frame.ended = True          # the HEADER may still be on its way
            else:
                self.finish(number)

    def finish(self, number):
        """Write the frame (if its HEADER came) and forget it."""
        frame = self.frames.pop(number)
        if frame.width is None:
            return                          # never announced: dropped without a trace
        self.finished.add(number)
        name = "frame-%d.png" % number
        temp = os.path.join(self.out, ".%s.tmp" % name)
        try:
            with open(temp, "wb") as f:
                f.write(encode_png(frame.width, frame.height, frame.pixels()))
            os.replace(temp, os.path.join(self.out, name))    # never a half-written PNG
        except OSError as e:
            print("cannot write %s: %s" % (name, e), file=sys.stderr, flush=True)
            try:
                os.unlink(temp)
            except OSError:
                pass
            return
        print("FRAME %d %d/%d" % (number, len(frame.rows), frame.height), flush=True)

    def finish_quiet_frames(self):
        """Frames silent for QUIET_SECONDS; the time until the next one falls due."""
        now = time.monotonic()
        for number, frame in list(self.frames.items()):
            if now - frame.touched >= QUIET_SECONDS:
                self.finish(number)
        if not self.frames:
            return None
        return max(0.01, min(f.touched for f in self.frames.values()) + QUIET_SECONDS - now)

    def serve(self):
        while True:
            self.sock.settimeout(self.finish_quiet_frames())
            try:
                data = self.sock.recv(65535)
            except socket.timeout:
                continue
            except OSError as e:
                print("receive: %s" % e, file=sys.stderr, flush=True)
                continue
            if data:
                self.on_datagram(data)


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab udp-stream receiver")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0",
                        help="address to bind (default: all IPv4 interfaces)")
    parser.add_argument("--out", required=True, help="folder for frame-<F>.png files")
    parser.add_argument("--show", action="store_true", help="(no window in this implementation)")
    args = parser.parse_args()
    if not os.path.isdir(args.out) or not os.access(args.out, os.W_OK | os.X_OK):
        sys.stderr.write("cannot use %s: not a writable folder\n" % args.out)
        sys.exit(2)
    if args.show:
        print("--show: this Python example has no window; frames are only written to %s"
              % args.out, file=sys.stderr, flush=True)

    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, lambda *_: os._exit(0))

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    try:
        sock = socket.socket(family, socket.SOCK_DGRAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        sock.bind((args.host, args.port))
    except OSError as e:
        sys.stderr.write("cannot bind %s:%d: %s\n" % (args.host, args.port, e))
        sys.exit(2)
    print("udp-stream receiver on %s:%d, out %s" % (args.host, args.port, args.out), file=sys.stderr, flush=True)
    Receiver(sock, args.out).serve()


if __name__ == "__main__":
    main()
