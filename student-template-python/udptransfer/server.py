#!/usr/bin/env python3
"""SocketLab `udp-transfer` server: reliable file transfer over lossy UDP (see specs/udp-transfer.md).

Usage: python3 udptransfer/server.py --port N --dir DIR [--host H] [--log-level SPEC]

One socket, one loop. Each transfer is keyed by (client address, tid) and writes its chunks at their
offsets (os.pwrite) into a hidden temporary file in DIR. When END arrives and every chunk is in, the
file's SHA-256 is checked: on a match it is fsynced and renamed into place (atomic), otherwise
removed. Repeated START and END datagrams get the same answer again; datagrams that are malformed or
belong to no transfer are ignored; a transfer idle for 30 s is dropped.

The command line, the wire constants and a transfer's temporary file are given; each TODO is yours
and cites the clause of specs/udp-transfer.md it implements.
"""
import hashlib
import logging
import os
import re
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "udp-transfer server"
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


log = logging.getLogger("udptransfer.server")


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
        """UT-1, UT-3, UT-7: START tid:u32 size:u64 nameLen:u8 name -> START-ACK, or ERROR."""
        # TODO(UT-9): struct.unpack_from(">IQB", data, 1); a datagram shorter than 14 bytes, or not exactly
        #   14 + nameLen long, is ignored (no reply at all).
        # TODO(UT-7): a name that does not NAME.fullmatch is ERROR 1 (checked first), a size over MAX_SIZE
        #   ERROR 2: self.reply(addr, struct.pack(">BIB", ERROR, tid, code)).
        # TODO(UT-8): the transfer is self.transfers[(addr, tid)]; create it (Transfer(self.dir, name, size))
        #   unless it exists. TODO(UT-3): a repeated START changes nothing and gets START-ACK again.
        raise NotImplementedError("Server.on_start")

    def on_data(self, addr, data):
        """UT-4: DATA tid:u32 seq:u32 payload -> ACK tid seq, duplicates included."""
        # TODO(UT-4): ignore an unknown transfer, a seq past the last chunk, or a payload whose length is not
        #   transfer.chunk_length(seq). Write a new chunk once, at seq * CHUNK (os.pwrite(transfer.file(),
        #   ...)), mark it received; ACK every valid DATA, a duplicate too.
        raise NotImplementedError("Server.on_data")

    def on_end(self, addr, data):
        """UT-5, UT-6: END tid:u32 sha256:32 -> DONE tid status, once every chunk is in."""
        # TODO(UT-5): while chunks are missing, END is ignored (the client sends it again). Then decide once
        #   (self.finish) and answer DONE with that same status to every later END too.
        raise NotImplementedError("Server.on_end")

    def finish(self, transfer, expected):
        """UT-5, UT-6: checks the digest; stores the file atomically (STORED) or throws it away."""
        # TODO(UT-6): transfer.digest() != expected: transfer.discard(), DIGEST_MISMATCH.
        # TODO(UT-5): else os.fsync, close, os.replace(transfer.temp, the final name) (atomic), fsync_dir.
        raise NotImplementedError("Server.finish")

    def drop_idle(self):
        """Drops every transfer silent for IDLE_SECONDS, its temporary file with it."""
        raise NotImplementedError("Server.drop_idle")

    def discard_all(self):
        for transfer in self.transfers.values():
            transfer.discard()

    def serve(self):
        """The one loop: datagram after datagram, answered by its type."""
        # TODO: recvfrom(65535) with a timeout of about 1 s, so that drop_idle() runs even when nothing
        #   comes; hand each datagram to on_start / on_data / on_end by its first byte (others: ignored).
        #   An OSError (disk full, a late ICMP error) costs one datagram: log it and go on.
        raise NotImplementedError("Server.serve")


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


def main():
    parser = cli.Parser(PROGRAM, "SocketLab udp-transfer server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0", help="address to bind (default: all IPv4 interfaces)")
    parser.add_argument("--dir", required=True, help="folder of the stored files")
    args = parser.parse()
    if not os.path.isdir(args.dir) or not os.access(args.dir, os.W_OK | os.X_OK):
        raise cli.Failure("cannot use %s: not a writable folder" % args.dir, cli.USAGE)
    remove_stale_temps(args.dir)
    # TODO: a UDP socket (SO_RCVBUF of 4 MiB: a window of chunks must wait there, not be dropped), bound to
    #   (args.host, args.port); an OSError is cli.Failure("cannot bind ...", cli.USAGE).
    # TODO: server = Server(sock, args.dir); SIGTERM discards the transfers in progress and exits 0
    #   (signal.signal(signal.SIGTERM, lambda *_: (server.discard_all(), os._exit(0)))); server.serve().
    raise NotImplementedError("the server's socket")


if __name__ == "__main__":
    cli.run(PROGRAM, "udp-transfer", main)
