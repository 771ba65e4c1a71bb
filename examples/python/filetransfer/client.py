#!/usr/bin/env python3
"""SocketLab `file-transfer` client (see specs/file-transfer.md).

Usage: python3 filetransfer/client.py --host H --port N put FILE [NAME]
       python3 filetransfer/client.py --host H --port N get NAME OUT
       python3 filetransfer/client.py --host H --port N list

put: streams FILE (hashing it on the way) and prints "OK <sha256>".
get: downloads into a hidden temporary file next to OUT, checks size and
     digest, then renames it to OUT and prints "OK <sha256>".
list: prints every line of the server's reply.
Exit codes: 0 done; 1 the server answered ERR, or the data did not verify
(OUT is then left as it was); 2 usage error, connection refused, server
closed before replying, or 10 s without a reply.
"""
import argparse
import hashlib
import os
import re
import select
import signal
import socket
import stat
import sys
import tempfile

TIMEOUT = 10.0
CHUNK = 65536
MAX_REPLY_LINE = 65536       # replies are short; refuse to buffer without limit

HEX64 = re.compile(rb"[0-9A-Fa-f]{64}")
GET_OK = re.compile(rb"OK ([0-9]+) ([0-9A-Fa-f]{64})")
LIST_OK = re.compile(rb"OK ([0-9]+)")


class Failure(Exception):
    """Ends the client: message for stderr, exit code."""

    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


class Refused(Failure):
    """The server answered ERR: its line is the stderr line."""

    def __init__(self, line):
        super().__init__(line.decode("utf-8", "replace"), 1)


def usage(message):
    return Failure("usage error: %s" % message, 2)


class Connection:
    def __init__(self, host, port):
        try:
            self.sock = socket.create_connection((host, port), timeout=TIMEOUT)
        except ConnectionRefusedError:
            raise Failure("connection refused by %s:%d" % (host, port), 2)
        except socket.timeout:
            raise Failure("cannot connect to %s:%d: timed out" % (host, port), 2)
        except OSError as e:
            raise Failure("cannot connect to %s:%d: %s" % (host, port, e.strerror or e), 2)
        self.buf = bytearray()

    def close(self):
        self.sock.close()

    def send(self, data):
        try:
            self.sock.sendall(data)
        except socket.timeout:
            raise Failure("the server stopped reading for %d s" % TIMEOUT, 2)
        except OSError as e:
            raise Failure("server closed the connection early: %s" % (e.strerror or e), 2)

    def readline(self, what):
        """Next reply line (LF and one trailing CR removed)."""
        while True:
            lf = self.buf.find(b"\n")
            if lf >= 0:
                line = bytes(self.buf[:lf])
                del self.buf[:lf + 1]
                return line[:-1] if line.endswith(b"\r") else line
            if len(self.buf) > MAX_REPLY_LINE:
                raise Failure("invalid reply: line too long", 2)
            try:
                chunk = self.sock.recv(CHUNK)
            except socket.timeout:
                raise Failure("no reply from the server for %d s (%s)" % (TIMEOUT, what), 2)
            except OSError as e:
                raise Failure("connection lost (%s): %s" % (what, e.strerror or e), 2)
            if not chunk:
                raise Failure("server closed the connection before %s" % what, 2)
            self.buf += chunk

    def read_into(self, view):
        """Content bytes into part of view; 0 at EOF. Buffered bytes first."""
        if self.buf:
            n = min(len(view), len(self.buf))
            view[:n] = self.buf[:n]
            del self.buf[:n]
            return n
        return self.sock.recv_into(view)

    def reply_waiting(self):
        """True if the server has already said something (e.g. an early ERR)."""
        if self.buf:
            return True
        readable, _, _ = select.select([self.sock], [], [], 0)
        return bool(readable)


def emit(line):
    out = sys.stdout.buffer
    out.write(line + b"\n")
    out.flush()


def is_err(line):
    return line == b"ERR" or line.startswith(b"ERR ")


def wire_name(name):
    data = os.fsencode(name)
    if b"\n" in data or b"\r" in data:
        raise usage("a NAME cannot contain a line break")
    return data


def put(conn_args, path, name):
    try:
        f = open(path, "rb")
    except OSError as e:
        raise usage("cannot read %s: %s" % (path, e.strerror or e))
    with f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise usage("%s is not a regular file" % path)
        if name is None:
            name = os.path.basename(path)
        size = st.st_size
        conn = Connection(*conn_args)
        try:
            conn.send(b"PUT %s %d\n" % (wire_name(name), size))
            h = hashlib.sha256()
            buf = bytearray(CHUNK)
            view = memoryview(buf)
            remaining = size
            early = False
            try:
                while remaining:
                    if conn.reply_waiting():     # an ERR before the content is over
                        early = True
                        break
                    try:
                        n = f.readinto(view[:min(remaining, CHUNK)])
                    except OSError as e:
                        raise Failure("cannot read %s: %s" % (path, e.strerror or e), 2)
                    if not n:
                        raise Failure("%s became shorter while being sent" % path, 2)
                    h.update(view[:n])
                    conn.sock.sendall(view[:n])
                    remaining -= n
                if not early:
                    conn.sock.sendall(h.hexdigest().encode("ascii") + b"\n")
            except socket.timeout:
                raise Failure("the server stopped reading for %d s" % TIMEOUT, 2)
            except OSError:
                early = True                     # the server closed: maybe after an ERR
            reply = conn.readline("its reply to PUT")
        finally:
            conn.close()
    if is_err(reply):
        raise Refused(reply)
    if early or not (reply.startswith(b"OK ") and HEX64.fullmatch(reply[3:])):
        raise Failure("invalid reply to PUT: %s" % reply.decode("utf-8", "replace")[:200], 2)
    digest = h.hexdigest()
    if reply[3:].lower() != digest.encode("ascii"):
        raise Failure("the server stored a different digest: %s" % reply[3:].decode("ascii"), 1)
    emit(b"OK " + digest.encode("ascii"))
    return 0


def get(conn_args, name, out):
    folder = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(folder):
        raise usage("no such folder for %s" % out)
    if os.path.isdir(out):
        raise usage("%s is a folder" % out)
    wire = wire_name(name)
    conn = Connection(*conn_args)
    tmp = None
    try:
        conn.send(b"GET %s\n" % wire)
        reply = conn.readline("its reply to GET")
        if is_err(reply):
            raise Refused(reply)
        m = GET_OK.fullmatch(reply)
        if not m:
            raise Failure("invalid reply to GET: %s" % reply.decode("utf-8", "replace")[:200], 2)
        size, expected = int(m.group(1)), m.group(2).lower().decode("ascii")
        # From here on, anything that goes wrong means the data did not verify: exit 1.
        try:
            fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(out) + ".",
                                       suffix=".part", dir=folder)
        except OSError as e:
            raise Failure("cannot write in %s: %s" % (folder, e.strerror or e), 2)
        h = hashlib.sha256()
        with os.fdopen(fd, "wb") as f:
            buf = bytearray(CHUNK)
            view = memoryview(buf)
            received = 0
            while received < size:
                try:
                    n = conn.read_into(view[:min(size - received, CHUNK)])
                except socket.timeout:
                    raise Failure("transfer stalled for %d s after %d of %d bytes"
                                  % (TIMEOUT, received, size), 1)
                except OSError as e:
                    raise Failure("transfer cut short after %d of %d bytes: %s"
                                  % (received, size, e.strerror or e), 1)
                if n == 0:
                    raise Failure("transfer cut short after %d of %d bytes" % (received, size), 1)
                h.update(view[:n])
                f.write(view[:n])
                received += n
            digest = h.hexdigest()
            if digest != expected:
                raise Failure("digest mismatch: announced %s, received %s" % (expected, digest), 1)
            f.flush()
            os.fsync(f.fileno())
        mode = 0o666 & ~current_umask()
        try:
            mode = stat.S_IMODE(os.stat(out).st_mode)   # replacing: keep OUT's mode
        except OSError:
            pass
        os.chmod(tmp, mode)
        os.replace(tmp, out)                 # atomic: OUT is old or new, never half
        tmp = None
    finally:
        conn.close()
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    emit(b"OK " + digest.encode("ascii"))
    return 0


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def list_files(conn_args):
    conn = Connection(*conn_args)
    try:
        conn.send(b"LIST\n")
        first = conn.readline("its reply to LIST")
        if is_err(first):
            raise Refused(first)
        m = LIST_OK.fullmatch(first)
        if not m:
            raise Failure("invalid reply to LIST: %s" % first.decode("utf-8", "replace")[:200], 2)
        emit(first)
        for _ in range(int(m.group(1))):
            emit(conn.readline("the end of the list"))
    finally:
        conn.close()
    return 0


def run(args):
    conn_args = (args.host, args.port)
    rest = args.args
    if args.command == "put" and len(rest) in (1, 2):
        return put(conn_args, rest[0], rest[1] if len(rest) == 2 else None)
    if args.command == "get" and len(rest) == 2:
        return get(conn_args, rest[0], rest[1])
    if args.command == "list" and not rest:
        return list_files(conn_args)
    raise usage("expected put FILE [NAME] | get NAME OUT | list")


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def on_signal(signum, _frame):
    # Unwind normally, so that `finally` removes a temporary OUT file.
    raise Failure("interrupted by signal %d" % signum, 2)


def main():
    parser = QuietParser(description="SocketLab file-transfer client")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("command", choices=("put", "get", "list"))
    parser.add_argument("args", nargs="*", metavar="ARG")
    # intermixed: options may come before or after the command
    args = parser.parse_intermixed_args()
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        code = run(args)
    except Failure as f:
        sys.stdout.flush()
        sys.stderr.write("%s\n" % f)
        sys.stderr.flush()
        code = f.code
    sys.exit(code)


if __name__ == "__main__":
    main()
