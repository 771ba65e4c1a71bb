#!/usr/bin/env python3
"""SocketLab `udp-stream` sender: streams one image row by row over UDP (see specs/udp-stream.md).

Usage: python3 udpstream/client.py --host H --port N IMAGE [--frame F] [--rows-per-second R]

Decodes a PNG by hand (zlib + struct): every colour type and bit depth of the
PNG standard (grey 1-16 bits, RGB 8/16, palette 1-8 bits, grey+alpha and RGBA
8/16), non-interlaced, all five filter types. Each pixel becomes the r g b it
stands for: alpha and transparency are dropped, grey g is (g, g, g), samples of
fewer than 8 bits are scaled to 0..255, 16-bit samples keep their high byte.
JPEG is not supported by this implementation: it is reported as a usage error.
Sends HEADER three times, one ROW per line top to bottom (row y leaves at y/R
seconds after the start; R = 0 sends as fast as possible), then END three
times. Nothing is retransmitted.
Exit codes: 0 sent; 2 usage error (unreadable or unsupported image, wider
than 480, bad options) or the datagrams could not be sent.
"""
import argparse
import socket
import struct
import sys
import time
import zlib

MAX_WIDTH = 480
MAX_HEIGHT = 65535
REPEATS = 3                     # HEADER and END are sent this many times
HEADER, ROW, END = 0x01, 0x02, 0x03

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}     # colour type -> samples per pixel (3: a palette index)
DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}


class Failure(Exception):
    """Ends the sender: message for stderr, exit code."""

    def __init__(self, message, code=2):
        super().__init__(message)
        self.code = code


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
        raise Failure("invalid PNG: unknown filter type %d" % kind)


def read_png(data):
    """(width, height, [rgb bytes of each row])."""
    pos = len(PNG_SIGNATURE)
    ihdr = None
    palette = None
    idat = []
    while True:
        if pos + 8 > len(data):
            raise Failure("invalid PNG: truncated")
        length, kind = struct.unpack_from(">I4s", data, pos)
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length or pos + 12 + length > len(data):
            raise Failure("invalid PNG: truncated %s chunk" % kind.decode("latin-1"))
        crc, = struct.unpack_from(">I", data, pos + 8 + length)
        if zlib.crc32(kind + body) != crc:
            raise Failure("invalid PNG: bad CRC in %s chunk" % kind.decode("latin-1"))
        pos += 12 + length
        if kind == b"IHDR":
            if length != 13:
                raise Failure("invalid PNG: bad IHDR")
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if ihdr is None:
        raise Failure("invalid PNG: no IHDR")
    width, height, depth, colour, compression, filtering, interlace = ihdr
    if depth not in DEPTHS.get(colour, ()):
        raise Failure("invalid PNG: bit depth %d with colour type %d" % (depth, colour))
    if colour == 3 and (palette is None or len(palette) % 3 != 0):
        raise Failure("invalid PNG: a palette image without a valid PLTE chunk")
    if compression != 0 or filtering != 0 or interlace != 0:
        raise Failure("unsupported PNG: interlaced or unknown compression/filter method")
    if not 0 < width <= MAX_WIDTH:
        raise Failure("image is %d pixels wide: at most %d allowed" % (width, MAX_WIDTH))
    if not 0 < height <= MAX_HEIGHT:
        raise Failure("image is %d pixels high: at most %d allowed" % (height, MAX_HEIGHT))
    try:
        raw = zlib.decompress(b"".join(idat))
    except zlib.error as e:
        raise Failure("invalid PNG: %s" % e)
    bits = CHANNELS[colour] * depth                 # per pixel
    bpp = max(1, bits // 8)                         # the filters work on whole bytes
    stride = (width * bits + 7) // 8
    if len(raw) < height * (stride + 1):
        raise Failure("invalid PNG: image data too short")
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
                raise Failure("invalid PNG: palette index %d beyond the palette" % index)
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
        raise Failure("cannot read %s: %s" % (path, e.strerror or e))
    if data.startswith(PNG_SIGNATURE):
        return read_png(data)
    if data.startswith(JPEG_SIGNATURE):
        raise Failure("%s is a JPEG: this implementation reads PNG images only" % path)
    raise Failure("%s is not a PNG image" % path)


def stream(host, port, frame, rate, width, height, rows):
    try:
        infos = socket.getaddrinfo(host, port, 0, socket.SOCK_DGRAM)
    except socket.gaierror as e:
        raise Failure("cannot resolve %s: %s" % (host, e))
    family, kind, proto, _, addr = infos[0]
    with socket.socket(family, kind, proto) as sock:
        def send(datagram):
            try:
                sock.sendto(datagram, addr)
            except ConnectionRefusedError:
                pass                # an ICMP error from an earlier datagram: best effort
            except OSError as e:
                raise Failure("cannot send: %s" % (e.strerror or e))

        header = struct.pack(">BIHH", HEADER, frame, width, height)
        for _ in range(REPEATS):
            send(header)
        start = time.monotonic()
        for y, rgb in enumerate(rows):
            if rate:
                delay = start + y / rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            send(struct.pack(">BIH", ROW, frame, y) + rgb)
        end = struct.pack(">BI", END, frame)
        for _ in range(REPEATS):
            send(end)


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab udp-stream sender")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("image", metavar="IMAGE", help="a PNG file")
    parser.add_argument("--frame", type=int, default=0, help="frame number (u32, default 0)")
    parser.add_argument("--rows-per-second", type=float, default=1000.0, metavar="R",
                        help="pace (default 1000; 0 = as fast as possible)")
    args = parser.parse_intermixed_args()
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    if not 0 <= args.frame <= 0xFFFFFFFF:
        parser.error("--frame must be 0..4294967295")
    if args.rows_per_second < 0:
        parser.error("--rows-per-second must be 0 or more")
    try:
        width, height, rows = read_image(args.image)
        stream(args.host, args.port, args.frame, args.rows_per_second, width, height, rows)
        code = 0
    except Failure as f:
        sys.stderr.write("%s\n" % f)
        sys.stderr.flush()
        code = f.code
    sys.exit(code)


if __name__ == "__main__":
    main()
