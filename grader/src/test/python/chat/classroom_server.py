#!/usr/bin/env python3
"""A correct chat server in the classroom style, built as specs/chat.md advises ("How to structure the server"): a
reader thread per connection, a registry of nicks under one lock, and an outbound queue per client emptied by its
own writer thread, so that no thread ever writes to another client's socket. It never disconnects a slow consumer
(CHAT-9 allows that: its queue just grows).

The variants beside it import this module, replace one function with a classroom habit, and call main().
"""
import os
import queue
import re
import signal
import socket
import sys
import threading

MAX_LINE = 4096
NICK = re.compile(r"[A-Za-z0-9_-]{1,16}")

clients = {}  # nick -> Client, the registered ones; guarded by lock
lock = threading.Lock()


class LineTooLong(Exception):
    pass


class Client:
    """One connection: its nick once registered, and the queue its writer thread sends from."""

    def __init__(self, conn):
        self.conn = conn
        self.nick = None
        self.outbox = queue.Queue()
        threading.Thread(target=self.write_loop, daemon=True).start()

    def put(self, line):
        self.outbox.put(line.encode("utf-8") + b"\n")

    def finish(self):
        """Sends what is queued, then closes (the writer does it)."""
        self.outbox.put(None)

    def write_loop(self):
        try:
            while True:
                data = self.outbox.get()
                if data is None:
                    self.conn.shutdown(socket.SHUT_WR)
                    break
                self.conn.sendall(data)
        except OSError:
            pass
        self.conn.close()


def fail(code, message):
    print(message, file=sys.stderr, flush=True)
    os._exit(code)


def read_lines(conn):
    """The lines a client sends, without LF and one CR, however TCP cuts them; LineTooLong past 4096 bytes."""
    pending = b""
    while True:
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            if line.endswith(b"\r"):
                line = line[:-1]
            if len(line) > MAX_LINE:
                raise LineTooLong()
            yield line
        if len(pending) > MAX_LINE + 1:
            raise LineTooLong()
        data = conn.recv(65536)
        if not data:
            return
        pending += data


def others(me):
    return [c for c in clients.values() if c is not me]


def register(client, nick):
    """CHAT-1, CHAT-3: checking and taking the nick is one step, under the lock; so is telling the others."""
    with lock:
        if nick in clients:
            client.put("ERR nick-taken")
            return
        clients[nick] = client
        client.nick = nick
        client.put("OK " + nick)
        for other in others(client):
            other.put("JOIN " + nick)


def broadcast(sender, line):
    """CHAT-4: queued for every other registered client; the lock is never held while writing to a socket."""
    with lock:
        for other in others(sender):
            other.put(line)


def private(sender, argument):
    nick, _, text = argument.partition(" ")
    with lock:
        target = clients.get(nick)
        if target is None:
            sender.put("ERR no-such-nick")
        else:
            target.put("PRIV %s %s" % (sender.nick, text))


def who(client):
    with lock:
        client.put("USERS " + " ".join(sorted(clients)))


def leave(client):
    """CHAT-7: unregisters once, however the client went, and tells the others."""
    with lock:
        if client.nick is None or clients.get(client.nick) is not client:
            return
        del clients[client.nick]
        for other in others(client):
            other.put("LEAVE " + client.nick)


def handle(client, line):
    """One command; False once the client quits."""
    command, _, argument = line.partition(" ")
    if command == "QUIT":
        return False
    if client.nick is None and command != "NICK":
        client.put("ERR nick-required")
    elif command == "NICK":
        if client.nick is not None:
            client.put("ERR already-registered")
        elif not NICK.fullmatch(argument):
            client.put("ERR nick-invalid")
        else:
            register(client, argument)
    elif command == "MSG":
        broadcast(client, "MSG %s %s" % (client.nick, argument))
    elif command == "PRIV":
        private(client, argument)
    elif command == "WHO":
        who(client)
    else:
        client.put("ERR unknown-command")
    return True


def serve(conn):
    client = Client(conn)
    try:
        for raw in read_lines(conn):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                client.put("ERR bad-utf8")
                continue
            if not handle(client, line):
                break
    except LineTooLong:
        client.put("ERR line-too-long")
    except OSError:
        pass
    finally:
        leave(client)
        client.finish()


def main():
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    options = {"--port": None, "--host": "0.0.0.0"}
    args = iter(sys.argv[1:])
    for arg in args:
        if arg not in options:
            fail(2, "usage error: unexpected argument " + arg)
        options[arg] = next(args, None)
    if options["--port"] is None:
        fail(2, "usage: server.py --port N [--host H]")
    server = socket.socket()
    try:
        server.bind((options["--host"], int(options["--port"])))
    except OSError as e:
        fail(2, "cannot listen on port %s: %s" % (options["--port"], e))
    server.listen(128)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main()
