#!/usr/bin/env python3
"""SocketLab `chat` server: multi-user chat, publish/subscribe (see specs/chat.md).

Usage: python3 chat/server.py --port N [--host H]

One reader thread per connection parses commands (NICK, MSG, PRIV, WHO, QUIT).
Every client also has an outbound queue (Outbox) drained by its own writer
thread: other threads only *enqueue* lines, they never write to another
client's socket, so a client that stops reading cannot delay anyone else.
The registry of nicks is shared and guarded by one threading.Lock; the lock is
held while lines are enqueued (cheap, never blocks), never while a socket is
written. A client whose backlog passes 1 MiB while its writer has made no
progress for 1 s is disconnected (the others get LEAVE).
"""
import argparse
import collections
import os
import re
import signal
import socket
import sys
import threading
import time

MAX_LINE = 4096              # bytes of content a client may send, without LF / CR
RECV_SIZE = 65536
SEND_BATCH = 65536           # the writer joins queued lines into chunks up to this size
BACKLOG_LIMIT = 1 << 20      # 1 MiB queued for one client ...
STALL_SECONDS = 1.0          # ... and no progress for 1 s: a slow consumer
FLUSH_SECONDS = 5.0          # after QUIT, how long queued lines may take to go out
DRAIN_SECONDS = 2.0          # how long a closing connection waits for the peer's EOF
DRAIN_LIMIT = 1 << 20        # bytes discarded at most while draining

NICK = re.compile(r"[A-Za-z0-9_-]{1,16}")


class LineTooLong(Exception):
    pass


class LineReader:
    """LF-terminated lines from a socket, with its own buffer (one recv() is not
    one line). The buffer never grows past one maximal line."""

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
            if len(self.buf) > MAX_LINE + 1 or (
                    len(self.buf) == MAX_LINE + 1 and self.buf[-1] != 0x0D):
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


class Outbox:
    """One client's outbound queue. Any thread may put(); only the client's
    writer thread takes. `backlog` counts bytes queued and not yet accepted by
    the kernel; `progress` is the last moment the writer moved data."""

    def __init__(self):
        self.cond = threading.Condition()
        self.items = collections.deque()
        self.backlog = 0
        self.progress = time.monotonic()
        self.closed = False

    def put(self, line):
        with self.cond:
            if self.closed:
                return
            self.items.append(line)
            self.backlog += len(line)
            self.cond.notify()

    def stalled(self):
        """True for a slow consumer: more than 1 MiB waiting, and the writer
        has not been able to hand a single byte to the kernel for 1 s."""
        with self.cond:
            return (self.backlog > BACKLOG_LIMIT
                    and time.monotonic() - self.progress > STALL_SECONDS)

    def take(self):
        """Block until there is something to send: the queued lines joined into
        one chunk (bounded), or None once closed and empty."""
        with self.cond:
            while not self.items and not self.closed:
                self.cond.wait()
            if not self.items:
                return None
            parts, size = [], 0
            while self.items and (not parts or size + len(self.items[0]) <= SEND_BATCH):
                part = self.items.popleft()
                parts.append(part)
                size += len(part)
            self.progress = time.monotonic()
            return b"".join(parts)

    def sent(self, count):
        with self.cond:
            self.backlog -= count
            self.progress = time.monotonic()

    def close(self):
        """No more lines; the writer sends what is queued, then stops."""
        with self.cond:
            self.closed = True
            self.cond.notify()

    def abort(self):
        """No more lines, and what is queued is dropped."""
        with self.cond:
            self.closed = True
            self.items.clear()
            self.cond.notify()


class Client:
    def __init__(self, conn, addr):
        self.conn = conn
        self.addr = addr
        self.nick = None             # set once registered (under the registry lock)
        self.dropped = False         # disconnected by the server (slow consumer)
        self.outbox = Outbox()
        self.writer = threading.Thread(target=self._write_loop, daemon=True)

    def send(self, line):
        """Queue one line (str, without LF) for this client."""
        self.outbox.put(line.encode("utf-8") + b"\n")

    def _write_loop(self):
        try:
            while True:
                data = self.outbox.take()
                if data is None:
                    return
                view = memoryview(data)
                while view:
                    n = self.conn.send(view)      # blocks while the client does not read
                    self.outbox.sent(n)
                    view = view[n:]
        except OSError:
            # The peer is gone (reset, or we shut the socket down): wake the reader.
            self.outbox.abort()
            shutdown(self.conn, socket.SHUT_RDWR)


class Registry:
    """Registered clients by nick. Every method takes the lock; inside it lines
    are only enqueued, never written, so holding it is always short."""

    def __init__(self):
        self.lock = threading.Lock()
        self.clients = {}

    def register(self, client, nick):
        """Returns None on success, or the error code."""
        if not NICK.fullmatch(nick):
            return "nick-invalid"
        with self.lock:
            if nick in self.clients:          # case-sensitive: Bob and bob differ
                return "nick-taken"
            client.nick = nick
            self.clients[nick] = client
            client.send("OK %s" % nick)       # before any JOIN/MSG reaches the newcomer
            self._broadcast("JOIN %s" % nick, exclude=client)
        return None

    def message(self, client, text):
        with self.lock:
            if self.clients.get(client.nick) is client:
                self._broadcast("MSG %s %s" % (client.nick, text), exclude=client)

    def private(self, client, target, text):
        """Returns False if no client has that nick."""
        with self.lock:
            if self.clients.get(client.nick) is not client:
                return True                   # we were dropped meanwhile: say nothing
            other = self.clients.get(target)
            if other is None:
                return False
            if self._deliver(other, "PRIV %s %s" % (client.nick, text)):
                self._drop(other)
            return True

    def who(self, client):
        with self.lock:
            # Nicks are ASCII, so sorted() (code points) is also byte order.
            client.send("USERS " + " ".join(sorted(self.clients)))

    def leave(self, client):
        with self.lock:
            self._remove(client)

    # The methods below run with the lock held.

    def _broadcast(self, line, exclude=None):
        # Iterate over a snapshot, and drop slow consumers only after the loop:
        # dropping changes the dict (and sends LEAVE, another broadcast).
        stalled = []
        for other in list(self.clients.values()):
            if other is not exclude and self._deliver(other, line):
                stalled.append(other)
        for other in stalled:
            self._drop(other)

    def _deliver(self, other, line):
        """Queue one line for `other`; True if `other` is now a slow consumer."""
        if self.clients.get(other.nick) is not other:
            return False                      # dropped earlier in this same broadcast
        other.send(line)
        return other.outbox.stalled()

    def _drop(self, other):
        if self.clients.get(other.nick) is not other:
            return
        print("dropping slow consumer %s" % other.nick, file=sys.stderr, flush=True)
        other.dropped = True
        other.outbox.abort()
        shutdown(other.conn, socket.SHUT_RDWR)       # wakes its reader and writer
        self._remove(other)

    def _remove(self, client):
        if client.nick is not None and self.clients.get(client.nick) is client:
            del self.clients[client.nick]
            self._broadcast("LEAVE %s" % client.nick)


def shutdown(sock, how):
    try:
        sock.shutdown(how)
    except OSError:
        pass


def close_gracefully(sock):
    """Half-close, discard what the peer still sends (bounded), then close, so
    that our last lines are not destroyed by a TCP reset."""
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


def handle(client, registry, line):
    """One command. Returns False when the connection must end (QUIT)."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        client.send("ERR bad-utf8")           # this line is ignored; the client stays
        return True
    command, _, arg = text.partition(" ")
    if client.nick is None:
        if command == "NICK":
            code = registry.register(client, arg)
            if code:
                client.send("ERR %s" % code)  # the client may try again
        elif command == "QUIT":
            return False
        else:
            client.send("ERR nick-required")
        return True
    if command == "MSG":
        registry.message(client, arg)         # "MSG" alone: empty text
    elif command == "PRIV":
        target, _, body = arg.partition(" ")
        if not registry.private(client, target, body):
            client.send("ERR no-such-nick")
    elif command == "WHO":
        registry.who(client)
    elif command == "QUIT":
        return False
    elif command == "NICK":
        client.send("ERR already-registered")
    else:
        client.send("ERR unknown-command")
    return True


def serve(conn, addr, registry):
    client = Client(conn, addr)
    client.writer.start()
    reader = LineReader(conn)
    try:
        while not client.dropped:
            try:
                line = reader.readline()
            except LineTooLong:
                client.send("ERR line-too-long")
                break
            if line is None or client.dropped:
                break                         # EOF (abrupt or after a half-close)
            if not handle(client, registry, line):
                break                         # QUIT: later lines are ignored
    except OSError as e:                      # reset: this client only
        print("client %s: %s" % (addr, e), file=sys.stderr, flush=True)
    finally:
        registry.leave(client)                # LEAVE to the others (once)
        client.outbox.close()                 # what is queued still goes out ...
        client.writer.join(FLUSH_SECONDS)
        if client.writer.is_alive():          # ... unless the client does not read it
            client.outbox.abort()
            shutdown(conn, socket.SHUT_RDWR)
            client.writer.join()
        close_gracefully(conn)


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab chat server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0",
                        help="address to bind (default: all IPv4 interfaces)")
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, lambda *_: os._exit(0))

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    try:
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((args.host, args.port))
        listener.listen(256)
    except OSError as e:
        sys.stderr.write("cannot listen on %s:%d: %s\n" % (args.host, args.port, e))
        sys.exit(2)
    print("chat server listening on %s:%d" % (args.host, args.port), flush=True)

    registry = Registry()
    while True:
        try:
            conn, addr = listener.accept()
        except OSError as e:                  # ECONNABORTED, EMFILE, ...: keep serving
            print("accept: %s" % e, file=sys.stderr, flush=True)
            time.sleep(0.05)
            continue
        threading.Thread(target=serve, args=(conn, addr, registry), daemon=True).start()


if __name__ == "__main__":
    main()
