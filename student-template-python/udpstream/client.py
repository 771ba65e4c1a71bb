#!/usr/bin/env python3
"""SocketLab `udp-stream` sender: streams one image row by row over UDP (see specs/udp-stream.md).

Usage: python3 udpstream/client.py --host H --port N IMAGE [--frame F] [--rows-per-second R] [--log-level SPEC]

Decodes a PNG (given: zlib + struct, every colour type and bit depth, non-interlaced, all five filter
types; each pixel becomes its r g b, alpha dropped; JPEG is not supported: a usage error). Sends HEADER three times, one
ROW per line top to bottom (row y leaves at y/R seconds after the start; R = 0 sends as fast as
possible), then END three times. Nothing is retransmitted. Exit codes: 0 sent; 2 usage error
(unreadable or unsupported image, wider than 480, bad options) or the datagrams could not be sent.

The command line and the image decoder are given; each TODO is yours and cites its clause.
"""
import logging
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "udp-stream client"
MAX_WIDTH = 480
MAX_HEIGHT = 65535
REPEATS = 3                     # HEADER and END are sent this many times
HEADER, ROW, END = 0x01, 0x02, 0x03

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}     # colour type -> samples per pixel (3: a palette index)
DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}


log = logging.getLogger("udpstream.client")


def image_error(message):
    """US-13: an image that cannot be streamed is a usage error (exit code 2), before anything is sent."""
    return cli.Failure(message, cli.USAGE)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def unfilter(kind, line, previous, bpp):
    """Undo one PNG row filter (RFC 2083 §6) in place; line and previous are bytearrays."""
    n = len(line)
    if kind == 0:
        pass
    elif kind == 1:                                 # Sub
        for i in range(bpp, n):
            line[i] = (line[i] + line[i - bpp]) & 0xFF
    elif kind == 2:                                 # Up
        for i in range(n):
            line[i] = (line[i] + previous[i]) & 0xFF
    elif kind == 3:                                 # Average
        for i in range(n):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
    elif kind == 4:                                 # Paeth
        for i in range(n):
            left = line[i - bpp] if i >= bpp else 0
            upper_left = previous[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + paeth(left, previous[i], upper_left)) & 0xFF
    else:
        raise image_error("invalid PNG: unknown filter type %d" % kind)


def read_png(data):
    """(width, height, [rgb bytes of each row])."""
    pos = len(PNG_SIGNATURE)
    ihdr = None
    palette = None
    idat = []
    while True:
        if pos + 8 > len(data):
            raise image_error("invalid PNG: truncated")
        length, kind = struct.unpack_from(">I4s", data, pos)
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length or pos + 12 + length > len(data):
            raise image_error("invalid PNG: truncated %s chunk" % kind.decode("latin-1"))
        crc, = struct.unpack_from(">I", data, pos + 8 + length)
        if zlib.crc32(kind + body) != crc:
            raise image_error("invalid PNG: bad CRC in %s chunk" % kind.decode("latin-1"))
        pos += 12 + length
        if kind == b"IHDR":
            if length != 13:
                raise image_error("invalid PNG: bad IHDR")
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if ihdr is None:
        raise image_error("invalid PNG: no IHDR")
    width, height, depth, colour, compression, filtering, interlace = ihdr
    if depth not in DEPTHS.get(colour, ()):
        raise image_error("invalid PNG: bit depth %d with colour type %d" % (depth, colour))
    if colour == 3 and (palette is None or len(palette) % 3 != 0):
        raise image_error("invalid PNG: a palette image without a valid PLTE chunk")
    if compression != 0 or filtering != 0 or interlace != 0:
        raise image_error("unsupported PNG: interlaced or unknown compression/filter method")
    if not 0 < width <= MAX_WIDTH:
        raise image_error("image is %d pixels wide: at most %d allowed" % (width, MAX_WIDTH))
    if not 0 < height <= MAX_HEIGHT:
        raise image_error("image is %d pixels high: at most %d allowed" % (height, MAX_HEIGHT))
    try:
        raw = zlib.decompress(b"".join(idat))
    except zlib.error as e:
        raise image_error("invalid PNG: %s" % e)
    bits = CHANNELS[colour] * depth                 # per pixel
    bpp = max(1, bits // 8)                         # the filters work on whole bytes
    stride = (width * bits + 7) // 8
    if len(raw) < height * (stride + 1):
        raise image_error("invalid PNG: image data too short")
    rows = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        line = bytearray(raw[start + 1:start + 1 + stride])
        unfilter(raw[start], line, previous, bpp)
        previous = line
        rows.append(to_rgb(samples(line, depth, width * CHANNELS[colour]), colour, depth, palette))
    return width, height, rows


def samples(line, depth, count):
    """The row's first `count` samples, each cut to 8 bits: 16-bit ones keep their high byte, smaller ones are
    scaled to 0..255, unless they are palette indices (scaled later by to_rgb, which knows the colour type)."""
    if depth == 8:
        return line[:count]
    if depth == 16:
        return line[0:2 * count:2]
    per_byte = 8 // depth
    mask = (1 << depth) - 1
    out = bytearray(count)
    for i in range(count):
        shift = 8 - depth * (i % per_byte + 1)
        out[i] = (line[i // per_byte] >> shift) & mask
    return out


def to_rgb(values, colour, depth, palette):
    """r g b bytes for one row of samples; alpha is dropped."""
    if colour == 3:
        out = bytearray()
        for index in values:
            if 3 * index + 3 > len(palette):
                raise image_error("invalid PNG: palette index %d beyond the palette" % index)
            out += palette[3 * index:3 * index + 3]
        return bytes(out)
    if depth < 8:                                   # grey only: 1, 2 or 4 bits scaled to 0..255
        scale = 255 // ((1 << depth) - 1)
        values = bytearray(v * scale for v in values)
    if colour == 2:
        return bytes(values)
    if colour == 6:
        out = bytearray(len(values) // 4 * 3)
        out[0::3], out[1::3], out[2::3] = values[0::4], values[1::4], values[2::4]
        return bytes(out)
    grey = values if colour == 0 else values[0::2]
    out = bytearray(len(grey) * 3)
    out[0::3] = out[1::3] = out[2::3] = grey
    return bytes(out)


def read_image(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise image_error("cannot read %s: %s" % (path, e.strerror or e))
    if data.startswith(PNG_SIGNATURE):
        return read_png(data)
    if data.startswith(JPEG_SIGNATURE):
        raise image_error("%s is a JPEG: this implementation reads PNG images only" % path)
    raise image_error("%s is not a PNG image" % path)


def stream(host, port, frame, rate, width, height, rows):
    """US-10 to US-12: HEADER x3, a ROW per line at ``rate`` rows per second, END x3."""
    # TODO(US-11): a UDP socket (socket.getaddrinfo(host, port, 0, socket.SOCK_DGRAM)); HEADER is
    #   struct.pack(">BIHH", HEADER, frame, width, height), sent REPEATS times; END is
    #   struct.pack(">BI", END, frame), REPEATS times at the end. A ROW is struct.pack(">BIH", ROW, frame, y)
    #   + rgb, sent once: nothing is ever retransmitted.
    # TODO(US-12): row y leaves at start + y / rate seconds (time.monotonic(); sleep only what is left:
    #   never a fixed sleep after each row). rate 0 is as fast as possible.
    # TODO: an OSError while sending is cli.Failure("cannot send: ...", cli.INCOMPLETE); a ConnectionRefused
    #   (an ICMP error from an earlier datagram) is not: this is best effort.
    raise NotImplementedError("stream")


def main():
    parser = cli.Parser(PROGRAM, "SocketLab udp-stream sender")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("image", metavar="IMAGE", help="a PNG file")
    parser.add_argument("--frame", type=int, default=0, help="frame number (u32, default 0)")
    parser.add_argument("--rows-per-second", type=float, default=1000.0, metavar="R",
                        help="pace (default 1000; 0 = as fast as possible)")
    args = parser.parse(intermixed=True)
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    if not 0 <= args.frame <= 0xFFFFFFFF:
        parser.error("--frame must be 0..4294967295")
    if args.rows_per_second < 0:
        parser.error("--rows-per-second must be 0 or more")
    width, height, rows = read_image(args.image)
    stream(args.host, args.port, args.frame, args.rows_per_second, width, height, rows)


if __name__ == "__main__":
    cli.run(PROGRAM, "udp-stream", main)
