#!/usr/bin/env python3
"""SocketLab `file-transfer` client (see specs/file-transfer.md).

Usage: python3 filetransfer/client.py --host H --port N put FILE [NAME]
       python3 filetransfer/client.py --host H --port N get NAME OUT
       python3 filetransfer/client.py --host H --port N list
       (and --log-level SPEC anywhere)

put: streams FILE (hashing it on the way) and prints "OK <sha256>".
get: downloads into a hidden temporary file next to OUT, checks size and digest, then renames it to
     OUT and prints "OK <sha256>".
list: prints every line of the server's reply.
Exit codes: 0 done; 1 the server answered ERR, or the data did not verify (OUT is then left as it
was); 2 usage error, connection refused, server closed before replying, or 10 s without a reply.

The command line and the connection (its line reader, as in sockets) are given; each TODO is yours
and cites the clause of specs/file-transfer.md it implements.
"""
import logging
import os
import re
import select
import signal
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "file-transfer client"
TIMEOUT = 10.0
CHUNK = 65536
MAX_REPLY_LINE = 65536       # replies are short; refuse to buffer without limit

HEX64 = re.compile(rb"[0-9A-Fa-f]{64}")
GET_OK = re.compile(rb"OK ([0-9]+) ([0-9A-Fa-f]{64})")
LIST_OK = re.compile(rb"OK ([0-9]+)")


log = logging.getLogger("filetransfer.client")


def refused(line):
    """The server answered ERR: its line is the stderr line, exit code 1."""
    return cli.Failure(line.decode("utf-8", "replace"), cli.REFUSED)


def usage(message):
    return cli.Failure("usage error: %s" % message, cli.USAGE)


class Connection:
    def __init__(self, host, port):
        try:
            self.sock = socket.create_connection((host, port), timeout=TIMEOUT)
        except ConnectionRefusedError:
            raise cli.Failure("connection refused by %s:%d" % (host, port), cli.INCOMPLETE)
        except socket.timeout:
            raise cli.Failure("cannot connect to %s:%d: timed out" % (host, port), cli.INCOMPLETE)
        except OSError as e:
            raise cli.Failure("cannot connect to %s:%d: %s" % (host, port, e.strerror or e), cli.INCOMPLETE)
        self.buf = bytearray()

    def close(self):
        self.sock.close()

    def send(self, data):
        try:
            self.sock.sendall(data)
        except socket.timeout:
            raise cli.Failure("the server stopped reading for %d s" % TIMEOUT, cli.INCOMPLETE)
        except OSError as e:
            raise cli.Failure("server closed the connection early: %s" % (e.strerror or e), cli.INCOMPLETE)

    def readline(self, what):
        """Next reply line (LF and one trailing CR removed)."""
        while True:
            lf = self.buf.find(b"\n")
            if lf >= 0:
                line = bytes(self.buf[:lf])
                del self.buf[:lf + 1]
                return line[:-1] if line.endswith(b"\r") else line
            if len(self.buf) > MAX_REPLY_LINE:
                raise cli.Failure("invalid reply: line too long", cli.INCOMPLETE)
            try:
                chunk = self.sock.recv(CHUNK)
            except socket.timeout:
                raise cli.Failure("no reply from the server for %d s (%s)" % (TIMEOUT, what), cli.INCOMPLETE)
            except OSError as e:
                raise cli.Failure("connection lost (%s): %s" % (what, e.strerror or e), cli.INCOMPLETE)
            if not chunk:
                raise cli.Failure("server closed the connection before %s" % what, cli.INCOMPLETE)
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
    """FT-10: PUT <name> <size>, the content, its digest line; prints "OK <sha256>"."""
    # TODO(FT-10): open FILE (not readable, or not a regular file: usage(...), before connecting); name
    #   defaults to its basename (wire_name(name)). Connection(*conn_args), send "PUT <name> <size>\n", then
    #   the content in CHUNK pieces hashed on the way (hashlib.sha256), then "<sha256 hex>\n".
    # TODO(FT-7): the server may refuse (ERR) before the content is through and close: check
    #   conn.reply_waiting() between chunks, and read its reply whatever happened to the sending.
    # TODO(FT-13): ERR is refused(reply) (exit 1); "OK <digest>" not matching ours is exit 1 too; anything
    #   else is cli.Failure(..., cli.INCOMPLETE).
    raise NotImplementedError("put")


def get(conn_args, name, out):
    """FT-11: GET <name> into OUT, atomically: OUT is the old file or the verified new one, never a mix."""
    # TODO(FT-11): "GET <name>\n"; the reply must GET_OK.fullmatch ("OK <size> <sha256>"), else ERR is
    #   refused(reply). Receive exactly <size> bytes (conn.read_into) into a hidden temporary file next to
    #   OUT (tempfile.mkstemp(prefix="." + basename + ".", suffix=".part", dir=folder)), hashing them.
    # TODO(FT-11): a digest that differs, or a transfer cut short, is exit 1 and OUT left as it was (remove
    #   the temporary file in a finally). Verified: fsync, os.replace(tmp, out), emit "OK <sha256>".
    raise NotImplementedError("get")


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def list_files(conn_args):
    """FT-12: "LIST"; prints "OK <count>" and the <count> lines that follow, as received."""
    raise NotImplementedError("list_files")


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


def on_signal(signum, _frame):
    # Unwind normally, so that `finally` removes a temporary OUT file.
    raise cli.Failure("interrupted by signal %d" % signum, cli.INCOMPLETE)


def main():
    parser = cli.Parser(PROGRAM, "SocketLab file-transfer client")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("command", choices=("put", "get", "list"))
    parser.add_argument("args", nargs="*", metavar="ARG")
    args = parser.parse(intermixed=True)   # options may come before or after the command
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    signal.signal(signal.SIGTERM, on_signal)
    run(args)


if __name__ == "__main__":
    cli.run(PROGRAM, "file-transfer", main)
