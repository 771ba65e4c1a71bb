#!/usr/bin/env python3
"""SocketLab `file-transfer` server: binary files over TCP with SHA-256 (see specs/file-transfer.md).

Usage: python3 filetransfer/server.py --port N --dir DIR [--max-size BYTES] [--host H]

Commands, any number per connection, one thread per connection:
  PUT <name> <size> LF, <size> bytes, <sha256> LF  -> OK <sha256> | ERR <code>
  GET <name>                                       -> OK <size> <sha256> LF + bytes | ERR not-found
  LIST                                             -> OK <count> + "<name> <size> <sha256>" lines
Uploads stream through a 64 KiB buffer into a hidden temporary file in DIR,
hashed on the way; only when size and digest verify is the file fsynced and
renamed into place (os.replace: atomic). Every failure removes the temporary
file.
"""
import argparse
import hashlib
import os
import re
import signal
import socket
import stat
import sys
import tempfile
import threading
import time

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


class LineTooLong(Exception):
    pass


class Disconnected(Exception):
    """The client closed the connection in the middle of something."""


class Connection:
    """One client socket with its own read buffer: lines and raw content are
    read through the same buffer, so no byte is lost between them."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = bytearray()
        self.eof = False

    def readline(self):
        """Next line without LF and one trailing CR; None at EOF before any byte."""
        while True:
            lf = self.buf.find(b"\n")
            if lf >= 0:
                line = bytes(self.buf[:lf])
                del self.buf[:lf + 1]
                if line.endswith(b"\r"):
                    line = line[:-1]
                if len(line) > MAX_LINE:
                    raise LineTooLong()
                return line
            if len(self.buf) > MAX_LINE + 1 or (
                    len(self.buf) == MAX_LINE + 1 and self.buf[-1] != 0x0D):
                raise LineTooLong()
            if self.eof:
                if self.buf:
                    raise Disconnected()   # a line cut off by the close
                return None
            chunk = self.sock.recv(CHUNK)
            if chunk:
                self.buf += chunk
            else:
                self.eof = True

    def read_into(self, view):
        """Fill part of `view` with content bytes; the number read (> 0)."""
        if self.buf:
            n = min(len(view), len(self.buf))
            view[:n] = self.buf[:n]
            del self.buf[:n]
            return n
        n = self.sock.recv_into(view)
        if n == 0:
            self.eof = True
            raise Disconnected()
        return n

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
        if b" " in rest:
            name, _, size = rest.rpartition(b" ")
        else:
            name, size = rest, b""
        if not NAME.fullmatch(name):
            conn.send(b"ERR bad-name\n")
            return False
        if not SIZE.fullmatch(size):
            conn.send(b"ERR bad-size\n")
            return False
        size = int(size)
        if size > self.max_size:
            conn.send(b"ERR too-large\n")
            return False

        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=self.dir)
        with self.lock:
            self.temps.add(tmp)
        stored = False
        try:
            h = hashlib.sha256()
            conn.sock.settimeout(IDLE_TIMEOUT)
            with os.fdopen(fd, "wb") as f:
                buf = bytearray(CHUNK)
                view = memoryview(buf)
                remaining = size
                while remaining:
                    n = conn.read_into(view[:min(remaining, CHUNK)])
                    h.update(view[:n])
                    f.write(view[:n])
                    remaining -= n
                line = conn.readline()
                if line is None:
                    raise Disconnected()
                digest = h.hexdigest()
                if not HEX64.fullmatch(line) or line.lower() != digest.encode("ascii"):
                    conn.sock.settimeout(None)
                    conn.send(b"ERR digest-mismatch\n")
                    return True
                f.flush()
                os.fsync(f.fileno())        # durable before the rename and the OK
                st = os.fstat(f.fileno())
            final = os.path.join(self.dir, name.decode("ascii"))
            os.chmod(tmp, 0o644)
            os.replace(tmp, final)          # atomic, replaces an existing file
            stored = True
            fsync_dir(self.dir)             # the new name itself is durable
            with self.lock:
                self.digests[name] = ((st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns), digest)
            conn.sock.settimeout(None)
            conn.send(b"OK %s\n" % digest.encode("ascii"))
            return True
        finally:
            if not stored:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
            with self.lock:
                self.temps.discard(tmp)

    def get(self, conn, name):
        if not NAME.fullmatch(name):
            conn.send(b"ERR bad-name\n")
            return
        opened = self.open_file(name)
        if opened is None:
            conn.send(b"ERR not-found\n")
            return
        f, st = opened
        with f:
            # Size, digest and bytes all come from this one open file: a PUT
            # that replaces the name meanwhile does not touch it.
            digest = self.digest_of(name, f, st)
            conn.send(b"OK %d %s\n" % (st.st_size, digest.encode("ascii")))
            conn.sock.settimeout(IDLE_TIMEOUT)
            sent = conn.sock.sendfile(f, 0, st.st_size) if st.st_size else 0
            conn.sock.settimeout(None)
            if sent != st.st_size:
                raise Disconnected()        # cannot keep our promise: close

    def list(self, conn):
        entries = []
        for name in sorted(os.listdir(os.fsencode(self.dir))):   # bytes: byte order
            if not NAME.fullmatch(name):    # temporary files and strangers
                continue
            opened = self.open_file(name)
            if opened is None:
                continue
            f, st = opened
            with f:
                entries.append(b"%s %d %s\n" % (name, st.st_size,
                                                self.digest_of(name, f, st).encode("ascii")))
        conn.send(b"OK %d\n" % len(entries) + b"".join(entries))

    def serve(self, sock, addr):
        conn = Connection(sock)
        graceful = False
        try:
            while True:
                try:
                    line = conn.readline()
                except LineTooLong:
                    conn.send(b"ERR line-too-long\n")
                    graceful = True
                    break
                if line is None:
                    break
                command = line.split(b" ", 1)[0]
                if command == b"PUT":
                    if not self.put(conn, line[4:]):
                        graceful = True     # bad-name / bad-size / too-large: close
                        break
                elif command == b"GET":
                    self.get(conn, line[4:])
                elif line == b"LIST":
                    self.list(conn)
                else:
                    conn.send(b"ERR unknown-command\n")
        except LineTooLong:                 # the digest line of a PUT
            try:
                conn.send(b"ERR line-too-long\n")
                graceful = True
            except OSError:
                pass
        except Disconnected:
            pass
        except socket.timeout:
            print("client %s: transfer stalled, closing" % (addr,), file=sys.stderr, flush=True)
        except OSError as e:                # reset, broken pipe: this client only
            print("client %s: %s" % (addr, e), file=sys.stderr, flush=True)
        finally:
            if graceful:
                close_gracefully(sock)
            else:
                sock.close()

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


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab file-transfer server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0",
                        help="address to bind (default: all IPv4 interfaces)")
    parser.add_argument("--dir", required=True, help="folder of the stored files")
    parser.add_argument("--max-size", type=int, default=DEFAULT_MAX_SIZE, metavar="BYTES",
                        help="largest upload accepted (default 1 GiB)")
    args = parser.parse_args()
    if args.max_size < 0:
        parser.error("--max-size must be a non-negative number of bytes")
    if not os.path.isdir(args.dir) or not os.access(args.dir, os.W_OK | os.X_OK):
        sys.stderr.write("cannot use %s: not a writable folder\n" % args.dir)
        sys.exit(2)

    server = Server(args.dir, args.max_size)

    def terminate(*_):
        server.remove_temps()               # leave no half upload behind
        os._exit(0)

    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, terminate)
    remove_stale_temps(args.dir)

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    try:
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((args.host, args.port))
        listener.listen(128)
    except OSError as e:
        sys.stderr.write("cannot listen on %s:%d: %s\n" % (args.host, args.port, e))
        sys.exit(2)
    print("file-transfer server on %s:%d, dir %s, max size %d"
          % (args.host, args.port, args.dir, args.max_size), flush=True)

    while True:
        try:
            sock, addr = listener.accept()
        except OSError as e:                # ECONNABORTED, EMFILE, ...: keep serving
            print("accept: %s" % e, file=sys.stderr, flush=True)
            time.sleep(0.05)
            continue
        threading.Thread(target=server.serve, args=(sock, addr), daemon=True).start()


if __name__ == "__main__":
    main()
