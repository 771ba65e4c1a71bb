#!/usr/bin/env python3
"""SocketLab `udp-transfer` server: reliable file transfer over lossy UDP (see specs/udp-transfer.md).

Usage: python3 udptransfer/server.py --port N --dir DIR [--host H]

One socket, one loop. Each transfer is keyed by (client address, tid) and
writes its chunks at their offsets (os.pwrite) into a hidden temporary file
in DIR. When END arrives and every chunk is in, the file's SHA-256 is checked:
on a match it is fsynced and renamed into place (atomic), otherwise removed.
Repeated START and END datagrams get the same answer again; datagrams that are
malformed or belong to no transfer are ignored; a transfer idle for 30 s is
dropped.
"""
import argparse
import hashlib
import os
import re
import signal
import socket
import struct
import sys
import tempfile
import time

CHUNK = 1024
MAX_SIZE = 64 << 20                 # exactly 64 MiB is accepted
IDLE_SECONDS = 30.0
TEMP_PREFIX = ".udp-"               # leading dot: never a valid name
TEMP_SUFFIX = ".part"

START, DATA, END = 0x01, 0x02, 0x03
START_ACK, ACK, DONE, ERROR = 0x11, 0x12, 0x13, 0x1F
ERROR_BAD_NAME, ERROR_TOO_LARGE = 1, 2
STORED, DIGEST_MISMATCH = 0, 1

NAME = re.compile(rb"[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}")   # as in file-transfer


class Transfer:
    def __init__(self, directory, name, size):
        self.name = name
        self.size = size
        self.chunks = (size + CHUNK - 1) // CHUNK
        self.received = bytearray(self.chunks)          # 1 per chunk that is in
        self.missing = self.chunks
        self.status = None                              # DONE status once decided
        self.touched = time.monotonic()
        self.dir = directory
        self.fd = self.temp = None      # the temporary file, made on first need

    def file(self):
        if self.fd is None:
            self.fd, self.temp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX,
                                                  dir=self.dir)
        return self.fd

    def chunk_length(self, seq):
        return min(CHUNK, self.size - seq * CHUNK)

    def discard(self):
        """Close and remove the temporary file, if it is still there."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.temp is not None:
            try:
                os.unlink(self.temp)
            except OSError:
                pass
            self.temp = None

    def digest(self):
        h = hashlib.sha256()
        offset = 0
        while offset < self.size:
            data = os.pread(self.file(), 1 << 20, offset)
            if not data:
                break
            h.update(data)
            offset += len(data)
        return h.digest()


class Server:
    def __init__(self, sock, directory):
        self.sock = sock
        self.dir = directory
        self.transfers = {}                             # (addr, tid) -> Transfer

    def reply(self, addr, data):
        try:
            self.sock.sendto(data, addr)
        except OSError as e:
            print("send to %s: %s" % (addr, e), file=sys.stderr, flush=True)

    def on_start(self, addr, data):
        if len(data) < 14:
            return
        tid, size, name_len = struct.unpack_from(">IQB", data, 1)
        if len(data) != 14 + name_len:
            return                                      # truncated (or trailing junk)
        name = data[14:]
        if not NAME.fullmatch(name):
            self.reply(addr, struct.pack(">BIB", ERROR, tid, ERROR_BAD_NAME))
            return
        if size > MAX_SIZE:
            self.reply(addr, struct.pack(">BIB", ERROR, tid, ERROR_TOO_LARGE))
            return
        key = (addr, tid)
        transfer = self.transfers.get(key)
        if transfer is not None and (transfer.name, transfer.size) != (name, size):
            transfer.discard()                          # the tid now names another file
            transfer = None
        if transfer is None:
            transfer = Transfer(self.dir, name, size)
            self.transfers[key] = transfer
        transfer.touched = time.monotonic()
        self.reply(addr, struct.pack(">BI", START_ACK, tid))

    def on_data(self, addr, data):
        if len(data) < 9:
            return
        tid, seq = struct.unpack_from(">II", data, 1)
        transfer = self.transfers.get((addr, tid))
        if transfer is None or seq >= transfer.chunks:
            return
        payload = memoryview(data)[9:]
        if len(payload) != transfer.chunk_length(seq):
            return
        transfer.touched = time.monotonic()
        if transfer.status is None and not transfer.received[seq]:
            os.pwrite(transfer.file(), payload, seq * CHUNK)
            transfer.received[seq] = 1
            transfer.missing -= 1
        self.reply(addr, struct.pack(">BII", ACK, tid, seq))   # duplicates too

    def on_end(self, addr, data):
        if len(data) != 37:
            return
        tid, = struct.unpack_from(">I", data, 1)
        transfer = self.transfers.get((addr, tid))
        if transfer is None:
            return
        transfer.touched = time.monotonic()
        if transfer.status is None:
            if transfer.missing:
                return                                  # the client will send END again
            transfer.status = self.finish(transfer, data[5:37])
        self.reply(addr, struct.pack(">BIB", DONE, tid, transfer.status))

    def finish(self, transfer, expected):
        """Check the digest; store the file atomically or throw it away."""
        if transfer.digest() != expected:
            transfer.discard()
            return DIGEST_MISMATCH
        os.fsync(transfer.file())                       # durable before the rename
        os.close(transfer.fd)
        transfer.fd = None
        os.chmod(transfer.temp, 0o644)
        os.replace(transfer.temp, os.path.join(self.dir, transfer.name.decode("ascii")))
        transfer.temp = None
        fsync_dir(self.dir)
        print("stored %s (%d bytes)" % (transfer.name.decode("ascii"), transfer.size), flush=True)
        return STORED

    def drop_idle(self):
        now = time.monotonic()
        for key, transfer in list(self.transfers.items()):
            if now - transfer.touched > IDLE_SECONDS:
                transfer.discard()
                del self.transfers[key]

    def discard_all(self):
        for transfer in self.transfers.values():
            transfer.discard()

    def serve(self):
        handlers = {START: self.on_start, DATA: self.on_data, END: self.on_end}
        self.sock.settimeout(1.0)
        last_sweep = time.monotonic()
        while True:
            try:
                data, addr = self.sock.recvfrom(65535)
            except socket.timeout:
                data = None
            except OSError as e:                        # e.g. a late ICMP error: keep going
                print("receive: %s" % e, file=sys.stderr, flush=True)
                continue
            if data:
                handler = handlers.get(data[0])
                if handler is not None:
                    try:
                        handler(addr, data)
                    except OSError as e:                # disk full, ...: this transfer only
                        print("client %s: %s" % (addr, e), file=sys.stderr, flush=True)
            if time.monotonic() - last_sweep >= 1.0:
                self.drop_idle()
                last_sweep = time.monotonic()


def fsync_dir(path):
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temps(directory):
    """Temporary files left by an earlier run that was killed."""
    for entry in os.listdir(directory):
        if entry.startswith(TEMP_PREFIX) and entry.endswith(TEMP_SUFFIX):
            try:
                os.unlink(os.path.join(directory, entry))
            except OSError:
                pass


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab udp-transfer server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0",
                        help="address to bind (default: all IPv4 interfaces)")
    parser.add_argument("--dir", required=True, help="folder of the stored files")
    args = parser.parse_args()
    if not os.path.isdir(args.dir) or not os.access(args.dir, os.W_OK | os.X_OK):
        sys.stderr.write("cannot use %s: not a writable folder\n" % args.dir)
        sys.exit(2)
    remove_stale_temps(args.dir)

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    try:
        sock = socket.socket(family, socket.SOCK_DGRAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        sock.bind((args.host, args.port))
    except OSError as e:
        sys.stderr.write("cannot bind %s:%d: %s\n" % (args.host, args.port, e))
        sys.exit(2)
    server = Server(sock, args.dir)

    def terminate(*_):
        server.discard_all()                            # leave no half transfer behind
        os._exit(0)

    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, terminate)
    print("udp-transfer server on %s:%d, dir %s" % (args.host, args.port, args.dir), flush=True)
    server.serve()


if __name__ == "__main__":
    main()
