#!/usr/bin/env python3
"""SocketLab `udp-stream` receiver: assembles frames streamed row by row over UDP (see specs/udp-stream.md).

Usage: python3 udpstream/server.py --port N --out DIR [--show] [--host H] [--log-level SPEC]

One socket, one loop. Rows are kept per frame (also those that arrive before the frame's HEADER; once
it comes, rows beyond the height or of another width are dropped). A frame is finished on END, or 2 s
after its last datagram: rows that never came are copied from the nearest received row above (black if
none), the frame is written as DIR/frame-<F>.png (8-bit RGB, written to a hidden temporary file and
renamed) and `FRAME <F> <received>/<height>` is printed. A frame whose HEADER never came is dropped
silently. Datagrams for finished frames, and malformed ones, are ignored. --show is accepted, but this
template has no window.

The command line, the wire constants, the PNG encoder and a frame's bookkeeping are given; each TODO
is yours and cites the clause of specs/udp-stream.md it implements.
"""
import logging
import os
import struct
import sys
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "udp-stream server"
MAX_WIDTH = 480
QUIET_SECONDS = 2.0             # a frame is finished this long after its last datagram
HEADER, ROW, END = 0x01, 0x02, 0x03
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


log = logging.getLogger("udpstream.server")


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
        """US-2: the raw PNG scanlines (each row b"\\x00" + its rgb: filter type 0), missing rows concealed."""
        # TODO(US-2): for y in range(self.height): the row received, or else a copy of the nearest row
        #   received ABOVE it, or black (bytes(3 * self.width)) when there is none.
        raise NotImplementedError("Frame.pixels")


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
        """The frame in progress, created on its first datagram (touched now); None once finished (US-9)."""
        raise NotImplementedError("Receiver.frame")

    def on_datagram(self, data):
        """One datagram, by its type; anything malformed is ignored (US-8)."""
        # TODO(US-8): HEADER is exactly 9 bytes (">BIHH": type, frame, width 1..MAX_WIDTH, height > 0); ROW at
        #   least 10 bytes (">BIH" then rgb, a multiple of 3 of at most 3 * MAX_WIDTH); END exactly 5 bytes.
        # TODO(US-4): rows may come before their HEADER: keep them; once it comes, set_header drops those that
        #   do not fit. TODO(US-7): a duplicate row is ignored (it must not count twice).
        # TODO(US-1): END finishes the frame (self.finish), as soon as its HEADER is known too: an END that
        #   overtook its HEADER waits for it (frame.ended).
        raise NotImplementedError("Receiver.on_datagram")

    def finish(self, number):
        """US-1, US-3: writes the frame (if its HEADER came) and forgets it."""
        # TODO(US-6): a frame without HEADER is dropped without a trace. TODO(US-9): remember the number in
        #   self.finished. TODO(US-1): encode_png(width, height, frame.pixels()) into a hidden temporary file
        #   of self.out, then os.replace to frame-<F>.png (never a half-written PNG); then print
        #   "FRAME <F> <rows received>/<height>" on stdout, flushed.
        raise NotImplementedError("Receiver.finish")

    def finish_quiet_frames(self):
        """US-5: finishes the frames silent for QUIET_SECONDS; returns the time until the next one falls due
        (None when no frame is in progress), for the socket's timeout."""
        raise NotImplementedError("Receiver.finish_quiet_frames")

    def serve(self):
        """The one loop: sock.settimeout(self.finish_quiet_frames()), recv(65535), on_datagram."""
        raise NotImplementedError("Receiver.serve")


def main():
    parser = cli.Parser(PROGRAM, "SocketLab udp-stream receiver")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0", help="address to bind (default: all IPv4 interfaces)")
    parser.add_argument("--out", required=True, help="folder for frame-<F>.png files")
    parser.add_argument("--show", action="store_true", help="(no window in this template)")
    args = parser.parse()
    if not os.path.isdir(args.out) or not os.access(args.out, os.W_OK | os.X_OK):
        raise cli.Failure("cannot use %s: not a writable folder" % args.out, cli.USAGE)
    if args.show:
        log.warning("--show: this template has no window; frames are only written to %s", args.out)
    # TODO: SIGTERM ends the receiver with exit code 0: signal.signal(signal.SIGTERM, lambda *_: os._exit(0)).
    # TODO: a UDP socket (SO_RCVBUF of 4 MiB: a burst of rows must wait there, not be dropped) bound to
    #   (args.host, args.port); an OSError is cli.Failure("cannot bind ...", cli.USAGE). Then
    #   Receiver(sock, args.out).serve().
    raise NotImplementedError("the receiver's socket")


if __name__ == "__main__":
    cli.run(PROGRAM, "udp-stream", main)
