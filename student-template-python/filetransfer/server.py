#!/usr/bin/env python3
"""SocketLab `file-transfer` server: binary files over TCP with SHA-256 (see specs/file-transfer.md).

Usage: python3 filetransfer/server.py --port N --dir DIR [--max-size BYTES] [--host H] [--log-level SPEC]

Commands, any number per connection, one thread per connection:
  PUT <name> <size> LF, <size> bytes, <sha256> LF  -> OK <sha256> | ERR <code>
  GET <name>                                       -> OK <size> <sha256> LF + bytes | ERR not-found
  LIST                                             -> OK <count> + "<name> <size> <sha256>" lines
Uploads stream through a 64 KiB buffer into a hidden temporary file in DIR, hashed on the way; only
when size and digest verify is the file fsynced and renamed into place (os.replace: atomic). Every
failure removes the temporary file.

The command line, the file helpers (digests, opening without following links, temporary files) and
the lingering close are given; each TODO is yours and cites the clause of specs/file-transfer.md.
"""
import hashlib
import logging
import os
import re
import socket
import stat
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "file-transfer server"
CHUNK = 65536
MAX_LINE = 8192              # bytes of a command line, without LF / CR
DEFAULT_MAX_SIZE = 1 << 30   # 1 GiB
IDLE_TIMEOUT = 60.0          # a transfer in progress must keep moving
DRAIN_SECONDS = 2.0
DRAIN_LIMIT = 1 << 20
TEMP_PREFIX = ".upload-"     # leading dot: never a valid name, never listed
TEMP_SUFFIX = ".part"

NAME = re.compile(rb"[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}")
SIZE = re.compile(rb"[0-9]+")
HEX64 = re.compile(rb"[0-9A-Fa-f]{64}")


log = logging.getLogger("filetransfer.server")


class LineTooLong(Exception):
    pass


class Disconnected(Exception):
    """The client closed the connection in the middle of something."""


class Connection:
    """One client socket with its own read buffer: lines and raw content are read through the same
    buffer, so no byte is lost between them."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = bytearray()
        self.eof = False

    def readline(self):
        """Next line without LF and one trailing CR; None at EOF before any byte."""
        # TODO(FT-8): as the sockets LineReader: LineTooLong past MAX_LINE; a line cut off by the close is
        #   Disconnected().
        raise NotImplementedError("Connection.readline")

    def read_into(self, view):
        """FT-1: fills part of ``view`` (a memoryview) with content bytes; the number read (> 0)."""
        # TODO(FT-1): the bytes already in self.buf first (they followed the PUT line in the same recv()),
        #   then sock.recv_into(view); 0 bytes is Disconnected().
        raise NotImplementedError("Connection.read_into")

    def send(self, data):
        self.sock.sendall(data)


class Server:
    def __init__(self, directory, max_size):
        self.dir = directory
        self.max_size = max_size
        self.lock = threading.Lock()
        self.digests = {}          # name -> (dev, ino, size, mtime_ns, sha256 hex)
        self.temps = set()         # temporary files of uploads in progress

    # --- digests --------------------------------------------------------------

    def digest_of(self, name, f, st):
        """SHA-256 of the open file f (whose fstat is st), remembered per version.
        Files are only ever replaced by rename, never rewritten, so (dev, ino,
        size, mtime) identifies one content."""
        key = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        with self.lock:
            known = self.digests.get(name)
        if known and known[0] == key:
            return known[1]
        h = hashlib.sha256()
        buf = bytearray(CHUNK)
        view = memoryview(buf)
        f.seek(0)
        while True:
            n = f.readinto(buf)
            if not n:
                break
            h.update(view[:n])
        digest = h.hexdigest()
        with self.lock:
            self.digests[name] = (key, digest)
        return digest

    def open_file(self, name):
        """(file, fstat) of a stored regular file, or None. No symlinks followed."""
        path = os.path.join(self.dir, name.decode("ascii"))
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return None
        # Check before wrapping: Python refuses to make a file object of a folder.
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            os.close(fd)
            return None
        return os.fdopen(fd, "rb"), st

    # --- commands --------------------------------------------------------------

    def put(self, conn, rest):
        """PUT <name> <size>: True if the connection can go on, False to close it."""
        # TODO(FT-6, FT-7): before any content: a name that does not NAME.fullmatch is "ERR bad-name", a size
        #   that is not SIZE.fullmatch "ERR bad-size", over self.max_size "ERR too-large"; then return False
        #   (close: the content may already be on its way, terabytes perhaps).
        # TODO(FT-1): stream exactly <size> bytes (conn.read_into, CHUNK at a time) into a temporary file of
        #   self.dir (tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=self.dir); keep it in
        #   self.temps meanwhile), hashing them on the way (hashlib.sha256). Never the whole file in memory.
        # TODO(FT-5): read the digest line; not equal (ignoring case) is "ERR digest-mismatch" (True: go on).
        # TODO(FT-4): flush, os.fsync, os.replace(temp, final) (atomic), fsync_dir; then "OK <sha256>".
        #   Whatever fails, the temporary file is removed (try/finally).
        raise NotImplementedError("Server.put")

    def get(self, conn, name):
        """FT-2: GET <name>."""
        # TODO(FT-6): a bad name is "ERR bad-name"; TODO(FT-2): self.open_file(name) None is "ERR not-found";
        #   else "OK <size> <sha256>" (self.digest_of) and exactly the file's bytes, all from that one open
        #   file (conn.sock.sendfile(f, 0, size)): a PUT meanwhile must not mix two contents.
        raise NotImplementedError("Server.get")

    def list(self, conn):
        """FT-3: "OK <count>", then "<name> <size> <sha256>" per stored file, sorted by name (bytes order)."""
        # TODO(FT-3): os.listdir(os.fsencode(self.dir)), sorted; only names that NAME.fullmatch (temporary
        #   files start with a dot and never do) and that self.open_file opens; one send() for the reply.
        raise NotImplementedError("Server.list")

    def serve(self, sock, addr):
        """FT-8: commands one after another on one connection, until the client closes."""
        # TODO(FT-8): conn = Connection(sock); PUT, GET and LIST lines go to self.put/get/list; anything else
        #   is "ERR unknown-command". A line over MAX_LINE is "ERR line-too-long", then close.
        # TODO(FT-9): a reset, a client gone mid-upload (Disconnected) or silent for IDLE_TIMEOUT s ends this
        #   connection only (log.debug). Close with close_gracefully(sock) after an ERR that closes.
        raise NotImplementedError("Server.serve")

    def remove_temps(self):
        with self.lock:
            temps = list(self.temps)
        for tmp in temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass


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


def close_gracefully(sock):
    """Half-close, discard what the peer still sends (bounded), then close, so
    that our last line is not destroyed by a TCP reset."""
    try:
        sock.shutdown(socket.SHUT_WR)
        deadline = time.monotonic() + DRAIN_SECONDS
        drained = 0
        while drained < DRAIN_LIMIT:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            sock.settimeout(remaining)
            chunk = sock.recv(CHUNK)
            if not chunk:
                break
            drained += len(chunk)
    except OSError:
        pass
    finally:
        sock.close()


def remove_stale_temps(directory):
    """Temporary files left by an earlier run that was killed."""
    for entry in os.listdir(directory):
        if entry.startswith(TEMP_PREFIX) and entry.endswith(TEMP_SUFFIX):
            try:
                os.unlink(os.path.join(directory, entry))
            except OSError:
                pass


def main():
    parser = cli.Parser(PROGRAM, "SocketLab file-transfer server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0", help="address to bind (default: all IPv4 interfaces)")
    parser.add_argument("--dir", required=True, help="folder of the stored files")
    parser.add_argument("--max-size", type=int, default=DEFAULT_MAX_SIZE, metavar="BYTES",
                        help="largest upload accepted (default 1 GiB)")
    args = parser.parse()
    if args.max_size < 0:
        parser.error("--max-size must be a non-negative number of bytes")
    if not os.path.isdir(args.dir) or not os.access(args.dir, os.W_OK | os.X_OK):
        raise cli.Failure("cannot use %s: not a writable folder" % args.dir, cli.USAGE)
    server = Server(args.dir, args.max_size)
    remove_stale_temps(args.dir)
    # TODO(FT-4): SIGTERM removes the temporary files of uploads in progress, then exits 0:
    #   signal.signal(signal.SIGTERM, lambda *_: (server.remove_temps(), os._exit(0))).
    # TODO: a TCP socket with SO_REUSEADDR bound to (args.host, args.port); an OSError is
    #   cli.Failure("cannot listen on ...", cli.USAGE). Then accept() forever, server.serve(sock, addr) on a
    #   daemon thread per connection; an OSError from accept() must not end the loop.
    raise NotImplementedError("the server's socket")


if __name__ == "__main__":
    cli.run(PROGRAM, "file-transfer", main)
