#!/usr/bin/env python3
"""SocketLab `chat` server: multi-user chat, publish/subscribe (see specs/chat.md).

Usage: python3 chat/server.py --port N [--host H] [--log-level SPEC]

One reader thread per connection parses commands (NICK, MSG, PRIV, WHO, QUIT). Every client also
has an outbound queue (Outbox) drained by its own writer thread: other threads only *enqueue*
lines, they never write to another client's socket, so a client that stops reading cannot delay
anyone else. The registry of nicks is shared and guarded by one threading.Lock; the lock is held
while lines are enqueued (cheap, never blocks), never while a socket is written. A client whose
backlog passes 1 MiB while its writer has made no progress for 1 s is disconnected.

The command line, the line reader and the lingering close (as you wrote them for sockets) are
given; each TODO is yours and cites the clause of specs/chat.md it implements.
"""
import logging
import os
import re
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "chat server"
MAX_LINE = 4096              # bytes of content a client may send, without LF / CR
RECV_SIZE = 65536
SEND_BATCH = 65536           # the writer joins queued lines into chunks up to this size
BACKLOG_LIMIT = 1 << 20      # 1 MiB queued for one client ...
STALL_SECONDS = 1.0          # ... and no progress for 1 s: a slow consumer
FLUSH_SECONDS = 5.0          # after QUIT, how long queued lines may take to go out
DRAIN_SECONDS = 2.0          # how long a closing connection waits for the peer's EOF
DRAIN_LIMIT = 1 << 20        # bytes discarded at most while draining

NICK = re.compile(r"[A-Za-z0-9_-]{1,16}")   # CHAT-1: use fullmatch, not match

log = logging.getLogger("chat.server")
room_log = logging.getLogger("chat.server.room")


class LineTooLong(Exception):
    pass


class LineReader:
    """LF-terminated lines from a socket, with its own buffer (given: as in sockets/server.py)."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = bytearray()
        self.eof = False

    def readline(self):
        """Next line without LF and one trailing CR; None at EOF."""
        while True:
            lf = self.buf.find(b"\n")
            if lf >= 0:
                line = bytes(self.buf[:lf])
                del self.buf[:lf + 1]
                return self._finish(line)
            if len(self.buf) > MAX_LINE + 1 or (len(self.buf) == MAX_LINE + 1 and self.buf[-1] != 0x0D):
                raise LineTooLong()
            if self.eof:
                if self.buf:                  # a last line cut off by EOF still counts
                    line = bytes(self.buf)
                    self.buf.clear()
                    return self._finish(line)
                return None
            chunk = self.sock.recv(RECV_SIZE)
            if chunk:
                self.buf += chunk
            else:
                self.eof = True

    @staticmethod
    def _finish(line):
        if line.endswith(b"\r"):
            line = line[:-1]
        if len(line) > MAX_LINE:
            raise LineTooLong()
        return line


def shutdown(sock, how):
    try:
        sock.shutdown(how)
    except OSError:
        pass


def close_gracefully(sock):
    """Half-close, discard what the peer still sends (bounded), then close (given: as in sockets)."""
    try:
        sock.shutdown(socket.SHUT_WR)
        deadline = time.monotonic() + DRAIN_SECONDS
        drained = 0
        while drained < DRAIN_LIMIT:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            sock.settimeout(remaining)
            chunk = sock.recv(RECV_SIZE)
            if not chunk:
                break
            drained += len(chunk)
    except OSError:
        pass
    finally:
        sock.close()


class Outbox:
    """One client's outbound queue. Any thread may put(); only the client's writer thread takes."""

    def __init__(self):
        # TODO(CHAT-9): a threading.Condition, a collections.deque of lines (bytes with their LF), the
        #   backlog (bytes queued and not yet sent), the last moment the writer made progress, closed=False.
        raise NotImplementedError("Outbox")

    def put(self, line):
        """Queues ``line``; never blocks, whatever the client does (CHAT-9)."""
        raise NotImplementedError("Outbox.put")

    def stalled(self):
        """CHAT-9: a slow consumer: more than BACKLOG_LIMIT waiting and no progress for STALL_SECONDS."""
        raise NotImplementedError("Outbox.stalled")

    def take(self):
        """Blocks until there is something to send: queued lines joined into one chunk of at most
        SEND_BATCH bytes, or None once closed and empty."""
        raise NotImplementedError("Outbox.take")

    def sent(self, count):
        """The writer handed ``count`` bytes to the kernel: less backlog, and progress now."""
        raise NotImplementedError("Outbox.sent")

    def close(self):
        """CHAT-7: no more lines; the writer sends what is queued, then stops."""
        raise NotImplementedError("Outbox.close")

    def abort(self):
        """No more lines, and what is queued is dropped."""
        raise NotImplementedError("Outbox.abort")


class Client:
    def __init__(self, conn, addr):
        self.conn = conn
        self.addr = addr
        self.nick = None             # set once registered (under the registry lock)
        self.dropped = False         # disconnected by the server (slow consumer)
        self.outbox = Outbox()
        # TODO(CHAT-4): self.writer = a daemon threading.Thread running self._write_loop (started by serve).
        raise NotImplementedError("Client")

    def send(self, line):
        """Queues one line (str, without LF) for this client."""
        self.outbox.put(line.encode("utf-8") + b"\n")

    def _write_loop(self):
        # TODO(CHAT-4, CHAT-9): forever: data = self.outbox.take() (None: stop); write it with conn.send() in a
        #   loop, telling the outbox how much went each time (outbox.sent(n)). An OSError means the client is
        #   gone: outbox.abort() and shutdown(conn, socket.SHUT_RDWR), which wakes the reader thread.
        raise NotImplementedError("Client._write_loop")


class Registry:
    """Registered clients by nick. Every method takes the lock; inside it lines are only enqueued,
    never written, so holding it is always short."""

    def __init__(self):
        # TODO(CHAT-1): self.lock = threading.Lock(); self.clients = {} (nick -> Client).
        raise NotImplementedError("Registry")

    def register(self, client, nick):
        """CHAT-1, CHAT-3: returns None on success, or the error code ("nick-invalid", "nick-taken")."""
        # TODO(CHAT-1): NICK.fullmatch(nick), then, under the lock: a taken nick (case-sensitive) is refused;
        #   else client.nick = nick, add it, client.send("OK <nick>") FIRST, then "JOIN <nick>" to all others.
        raise NotImplementedError("Registry.register")

    def message(self, client, text):
        """CHAT-4: "MSG <nick> <text>" to every other registered client."""
        raise NotImplementedError("Registry.message")

    def private(self, client, target, text):
        """CHAT-5: "PRIV <nick> <text>" to ``target``; returns False if no client has that nick."""
        raise NotImplementedError("Registry.private")

    def who(self, client):
        """CHAT-6: "USERS" and every nick, sorted(), to ``client``."""
        raise NotImplementedError("Registry.who")

    def leave(self, client):
        """CHAT-7: removes ``client`` (if registered); everyone else gets "LEAVE <nick>", once."""
        # TODO(CHAT-9): while delivering to others (under the lock), a recipient whose outbox.stalled() is a
        #   slow consumer: drop it after the loop (outbox.abort(), shutdown(its conn), remove it: LEAVE).
        raise NotImplementedError("Registry.leave")


def handle(client, registry, line):
    """One command line (bytes). Returns False when the connection must end (QUIT)."""
    # TODO(CHAT-8): a line that is not UTF-8 gets "ERR bad-utf8" and is ignored.
    # TODO(CHAT-2): before NICK only NICK and QUIT; anything else gets "ERR nick-required". NICK's error code
    #   goes back as "ERR <code>" and the client may try again; a second NICK is "ERR already-registered".
    # TODO(CHAT-4 to CHAT-6): MSG <text>, PRIV <nick> <text> ("ERR no-such-nick"), WHO; another command is
    #   "ERR unknown-command" (CHAT-8). QUIT returns False.
    raise NotImplementedError("handle")


def serve(conn, addr, registry):
    """One connection, on its own reader thread."""
    # TODO(CHAT-4): client = Client(conn, addr); client.writer.start(); read lines with LineReader(conn) and
    #   handle() each until QUIT, EOF or client.dropped. A line over MAX_LINE: "ERR line-too-long", then end.
    # TODO(CHAT-7): at the end, whatever happened: registry.leave(client), client.outbox.close(), wait
    #   FLUSH_SECONDS at most for the writer (client.writer.join) to send what is queued, then
    #   close_gracefully(conn). A reset is logged (log.debug) and ends this client only.
    raise NotImplementedError("serve")


def main():
    parser = cli.Parser(PROGRAM, "SocketLab chat server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0", help="address to bind (default: all IPv4 interfaces)")
    args = parser.parse()
    # TODO(CHAT-10): SIGTERM ends the server with exit code 0:
    #   signal.signal(signal.SIGTERM, lambda *_: os._exit(0)).
    # TODO(CHAT-10): a TCP socket with SO_REUSEADDR bound to (args.host, args.port); an OSError is
    #   cli.Failure("cannot listen on ...", cli.USAGE). One Registry(); accept() forever, each client served by
    #   serve(conn, addr, registry) on a daemon thread; an OSError from accept() must not end the loop.
    raise NotImplementedError("the server's socket")


if __name__ == "__main__":
    cli.run(PROGRAM, "chat", main)
