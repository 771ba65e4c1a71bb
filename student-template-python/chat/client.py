#!/usr/bin/env python3
"""SocketLab `chat` client (see specs/chat.md).

Usage: python3 chat/client.py --host H --port N --nick NICK [--log-level SPEC]

Sends NICK, then reads stdin lines as commands (/who, /msg <nick> <text>, /quit, anything else a
message) while a reader thread prints every server line as it arrives, formatted. Exit codes: 0
after QUIT and the server's close; 1 the nick was refused; 2 refused connection, early close, or
10 s without an owed answer.

The command line and the output format are given; each TODO is yours and cites its clause.
"""
import logging
import os
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "chat client"
TIMEOUT = 10.0
RECV_SIZE = 65536
MAX_SERVER_LINE = 1 << 20    # a forwarded line is at most ~4 KiB; refuse to buffer without limit

# (prefix, format): the rest of the line after the prefix replaces %s.
SIMPLE = [
    (b"OK ", b"* connected as %s"),
    (b"JOIN ", b"* %s joined"),
    (b"LEAVE ", b"* %s left"),
    (b"USERS ", b"* users: %s"),
    (b"ERR ", b"! %s"),
]

log = logging.getLogger("chat.client")
out_lock = threading.Lock()


def emit(line):
    with out_lock:
        sys.stdout.buffer.write(line + b"\n")
        sys.stdout.buffer.flush()


def finish(code, message=None):
    """Ends the whole process from any thread (the main thread may be blocked reading stdin, which
    cannot be interrupted portably): the message on one stderr line, then os._exit(code)."""
    with out_lock:
        sys.stdout.flush()
        if message:
            sys.stderr.write("%s\n" % message)
            sys.stderr.flush()
        os._exit(code)


def format_line(line):
    """CHAT-12: a server line -> what we print (bytes, without LF)."""
    for prefix, fmt in SIMPLE:
        if line.startswith(prefix):
            return fmt % line[len(prefix):]
    for prefix, fmt in ((b"MSG ", b"[%s] %s"), (b"PRIV ", b"[%s] (private) %s")):
        if line.startswith(prefix):
            nick, _, text = line[len(prefix):].partition(b" ")
            if nick:                          # "MSG ana" (no text) is an empty message
                return fmt % (nick, text)
    return line                               # anything else: as received


def to_command(line):
    """CHAT-11: a stdin line (bytes) -> the protocol line to send."""
    # TODO(CHAT-11): "/who" is WHO, "/quit" is QUIT, "/msg <nick> <text>" is "PRIV <nick> <text>",
    #   anything else is "MSG <line>". Bytes in, bytes out: never decode what the user typed.
    raise NotImplementedError("to_command")


def stdin_lines():
    """stdin lines as bytes, LF and one trailing CR removed; a last line without LF counts."""
    for raw in sys.stdin.buffer:
        line = raw[:-1] if raw.endswith(b"\n") else raw
        yield line[:-1] if line.endswith(b"\r") else line


def chat(sock, nick):
    """The whole conversation on a connected socket; ends the process with finish()."""
    # TODO(CHAT-11): send "NICK <nick>"; a reader thread (daemon) reads the server's lines with a buffer of
    #   your own and emit(format_line(line)) each AT ONCE (CHAT-12): never wait for stdin to print.
    # TODO(CHAT-13): the first answer "OK ..." lets the chat begin (read stdin only from then on); "ERR ..."
    #   is finish(1, "nick refused: ..."); no answer within TIMEOUT s is finish(2, ...).
    # TODO(CHAT-11): each stdin line goes out as to_command(line); at "/quit" or the end of stdin send QUIT.
    # TODO(CHAT-13): after QUIT the server's close is owed within TIMEOUT s: the close is finish(0); a close
    #   before QUIT, or no close in time, is finish(2, ...).
    raise NotImplementedError("chat")


def main():
    parser = cli.Parser(PROGRAM, "SocketLab chat client")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--nick", required=True)
    args = parser.parse()
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    nick = os.fsencode(args.nick)
    if b"\n" in nick or b"\r" in nick:
        parser.error("--nick cannot contain a line break")
    # TODO(CHAT-13): socket.create_connection((args.host, args.port), timeout=TIMEOUT); refused or timed out
    #   is finish(2, "connection refused by ..."). Then chat(sock, nick).
    raise NotImplementedError("the client's connection")


if __name__ == "__main__":
    cli.run(PROGRAM, "chat", main)
