#!/usr/bin/env python3
"""SocketLab `udp-transfer` client: sends one file over lossy UDP (see specs/udp-transfer.md).

Usage: python3 udptransfer/client.py --host H --port N send FILE [NAME] [--log-level SPEC]

START is repeated until START-ACK; then a sliding window of DATA chunks is kept in flight, each chunk
resent on its own timeout until its ACK arrives (selective repeat); then END is repeated until DONE.
The timeout follows the measured round-trip time (RFC 6298, Karn's rule) and backs off while the
server is silent. Exit codes: 0 stored (prints "OK <sha256>"); 1 the server answered ERROR or DONE
with a digest mismatch; 2 usage error, or 10 s without any reply.

The command line, the wire constants and the retransmission timer are given; each TODO is yours and
cites the clause of specs/udp-transfer.md it implements.
"""
import logging
import os
import stat
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import cli  # noqa: E402  (the template's shared command line, common/cli.py)

PROGRAM = "udp-transfer client"
CHUNK = 1024
SILENCE = 10.0                  # give up after this long without any reply
WINDOW = 128                    # chunks in flight
MIN_RTO, MAX_RTO, FIRST_RTO = 0.05, 1.0, 0.2

START, DATA, END = 0x01, 0x02, 0x03
START_ACK, ACK, DONE, ERROR = 0x11, 0x12, 0x13, 0x1F
ERRORS = {1: "bad name", 2: "file too large (over 64 MiB)"}


log = logging.getLogger("udptransfer.client")


class Timer:
    """Retransmission timeout from round-trip samples (RFC 6298)."""

    def __init__(self):
        self.srtt = None
        self.rttvar = None
        self.rto = FIRST_RTO

    def sample(self, rtt):
        if self.srtt is None:
            self.srtt, self.rttvar = rtt, rtt / 2
        else:
            self.rttvar = 0.75 * self.rttvar + 0.25 * abs(self.srtt - rtt)
            self.srtt = 0.875 * self.srtt + 0.125 * rtt
        self.restore()

    def restore(self):
        """Back to the measured timeout once the server answers again."""
        if self.srtt is not None:
            self.rto = min(MAX_RTO, max(MIN_RTO, self.srtt + 4 * self.rttvar))

    def back_off(self):
        self.rto = min(MAX_RTO, self.rto * 2)


class Sender:
    def __init__(self, sock, tid):
        self.sock = sock
        self.tid = tid
        self.timer = Timer()
        self.last_reply = time.monotonic()

    def send(self, data):
        try:
            self.sock.send(data)
        except ConnectionRefusedError:
            pass        # an ICMP error from an earlier datagram: retransmission covers it
        except OSError as e:
            raise cli.Failure("cannot send: %s" % (e.strerror or e), cli.INCOMPLETE)

    def receive(self, until):
        """The next reply of our transfer (bytes) before ``until`` (time.monotonic()), or None; a deadline
        already past still takes what has arrived."""
        # TODO(UT-16): SILENCE s without any reply of ours is cli.Failure("no reply from the server for 10 s",
        #   cli.INCOMPLETE). Only replies whose tid (bytes 1..4) is ours count (and reset the silence).
        raise NotImplementedError("Sender.receive")

    def request(self, datagram, answers):
        """UT-12: sends ``datagram`` again and again until a reply whose type is in ``answers`` arrives."""
        # TODO(UT-12): send, wait self.timer.rto for an answer; none: self.timer.back_off() and send again. A
        #   first-try answer is a round-trip sample (self.timer.sample). TODO(UT-15): an ERROR reply is
        #   cli.Failure("the server refused the file: ...", cli.REFUSED).
        raise NotImplementedError("Sender.request")

    def send_chunks(self, fd, size):
        """UT-13, UT-14: every chunk, at most WINDOW unacknowledged at a time, each resent on its own timeout."""
        # TODO(UT-13): keep up to WINDOW chunks in flight (send_chunk); an ACK frees its place; a chunk whose
        #   ACK does not come within self.timer.rto is sent again (Karn: only first transmissions are samples).
        # TODO(UT-14): never send a chunk that is already acknowledged, and nothing past the last chunk.
        raise NotImplementedError("Sender.send_chunks")

    def send_chunk(self, fd, size, seq):
        """DATA tid seq payload: chunk ``seq`` read from the file at its offset (os.pread)."""
        raise NotImplementedError("Sender.send_chunk")


def send_file(host, port, path, name):
    """UT-11: the whole transfer; prints "OK <sha256>" once the server has stored the file."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as e:
        raise cli.Failure("usage error: cannot read %s: %s" % (path, e.strerror or e), cli.USAGE)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise cli.Failure("usage error: %s is not a regular file" % path, cli.USAGE)
        wire_name = os.fsencode(name if name is not None else os.path.basename(path))
        if not 0 < len(wire_name) <= 255:
            raise cli.Failure("usage error: a NAME must be 1..255 bytes", cli.USAGE)
        # TODO(UT-11): the SHA-256 of the file (read it in pieces with os.pread, never whole).
        # TODO(UT-11): a UDP socket connect()ed to (host, port) (socket.getaddrinfo(host, port, 0,
        #   socket.SOCK_DGRAM)); sender = Sender(sock, random.getrandbits(32)); request START
        #   (struct.pack(">BIQB", START, tid, size, len(wire_name)) + wire_name) until START_ACK,
        #   send_chunks, then request END (struct.pack(">BI", END, tid) + digest) until DONE.
        # TODO(UT-15): DONE with a status other than 0 is cli.Failure(..., cli.REFUSED); 0 prints "OK <hex>".
        raise NotImplementedError("send_file")
    finally:
        os.close(fd)


def main():
    parser = cli.Parser(PROGRAM, "SocketLab udp-transfer client")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("command", choices=("send",))
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("name", metavar="NAME", nargs="?")
    args = parser.parse(intermixed=True)
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    send_file(args.host, args.port, args.file, args.name)


if __name__ == "__main__":
    cli.run(PROGRAM, "udp-transfer", main)
