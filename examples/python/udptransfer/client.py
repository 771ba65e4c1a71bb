#!/usr/bin/env python3
"""SocketLab `udp-transfer` client: sends one file over lossy UDP (see specs/udp-transfer.md).

Usage: python3 udptransfer/client.py --host H --port N send FILE [NAME]

START is repeated until START-ACK; then a sliding window of DATA chunks is
kept in flight, each chunk resent on its own timeout until its ACK arrives
(selective repeat); then END is repeated until DONE. The timeout follows the
measured round-trip time (RFC 6298, Karn's rule) and backs off while the
server is silent.
Exit codes: 0 stored (prints "OK <sha256>"); 1 the server answered ERROR or
DONE with a digest mismatch; 2 usage error, or 10 s without any reply.
"""
import argparse
import hashlib
import os
import random
import socket
import stat
import struct
import sys
import time

CHUNK = 1024
SILENCE = 10.0                  # give up after this long without any reply
WINDOW = 128                    # chunks in flight
MIN_RTO, MAX_RTO, FIRST_RTO = 0.05, 1.0, 0.2

START, DATA, END = 0x01, 0x02, 0x03
START_ACK, ACK, DONE, ERROR = 0x11, 0x12, 0x13, 0x1F
ERRORS = {1: "bad name", 2: "file too large (over 64 MiB)"}


class Failure(Exception):
    """Ends the client: message for stderr, exit code."""

    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


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
            raise Failure("cannot send: %s" % (e.strerror or e), 2)

    def receive(self, until):
        """The next reply of our transfer (bytes) before `until`, or None; a
        deadline already past still takes what has arrived."""
        while True:
            now = time.monotonic()
            if now - self.last_reply >= SILENCE:
                raise Failure("no reply from the server for %d s" % SILENCE, 2)
            wait = min(until, self.last_reply + SILENCE) - now
            self.sock.settimeout(max(wait, 0.0))
            try:
                data = self.sock.recv(2048)
            except (socket.timeout, BlockingIOError):
                if time.monotonic() >= until:
                    return None
                continue                            # the silence check above decides
            except ConnectionRefusedError:          # nobody there (yet): keep trying
                if time.monotonic() >= until:
                    return None
                continue
            except OSError as e:
                raise Failure("cannot receive: %s" % (e.strerror or e), 2)
            if len(data) >= 5 and struct.unpack_from(">I", data, 1)[0] == self.tid:
                self.last_reply = time.monotonic()
                return data

    def request(self, datagram, answers):
        """Send datagram until a reply whose type is in answers arrives; return it."""
        first = True
        while True:
            sent = time.monotonic()
            self.send(datagram)
            deadline = sent + self.timer.rto
            while True:
                reply = self.receive(deadline)
                if reply is None:
                    self.timer.back_off()
                    first = False
                    break
                if reply[0] in answers:
                    if first:
                        self.timer.sample(time.monotonic() - sent)
                    return reply
                if reply[0] == ERROR and len(reply) >= 6:
                    raise Failure("the server refused the file: %s"
                                  % ERRORS.get(reply[5], "error %d" % reply[5]), 1)

    def send_chunks(self, fd, size):
        """Selective repeat: keep up to WINDOW unacknowledged chunks in flight.
        The server writes each chunk at its offset, so a lost chunk does not
        hold back the ones after it: only the number in flight is limited."""
        chunks = (size + CHUNK - 1) // CHUNK
        acked = bytearray(chunks)
        sent_at = {}                    # seq in flight -> (time sent, first transmission?)
        base = 0                        # lowest unacknowledged chunk: done when past the end
        next_seq = 0                    # next chunk never sent
        replied = True                  # a reply came since the last retransmission
        while base < chunks:
            now = time.monotonic()
            # retransmit what timed out, then fill the window with new chunks
            late = [seq for seq, (when, _) in sent_at.items() if now - when >= self.timer.rto]
            if late and not replied:
                self.timer.back_off()       # silence, not just a lost datagram
            for seq in late:
                self.send_chunk(fd, size, seq)
                sent_at[seq] = (now, False)
            replied = replied and not late
            while next_seq < chunks and len(sent_at) < WINDOW:
                self.send_chunk(fd, size, next_seq)
                sent_at[next_seq] = (time.monotonic(), True)
                next_seq += 1
            oldest = min(when for when, _ in sent_at.values())
            reply = self.receive(oldest + self.timer.rto)
            while reply is not None:
                replied = True
                if reply[0] == ACK and len(reply) == 9:
                    seq = struct.unpack_from(">I", reply, 5)[0]
                    if seq < chunks and not acked[seq]:
                        acked[seq] = 1
                        when, first = sent_at.pop(seq, (None, False))
                        if first:                   # Karn: only unambiguous samples
                            self.timer.sample(time.monotonic() - when)
                        else:
                            self.timer.restore()    # answering again: no more back-off
                        while base < chunks and acked[base]:
                            base += 1
                if base >= chunks:
                    break
                reply = self.receive(0)             # take what has already arrived

    def send_chunk(self, fd, size, seq):
        payload = os.pread(fd, min(CHUNK, size - seq * CHUNK), seq * CHUNK)
        self.send(struct.pack(">BII", DATA, self.tid, seq) + payload)


def send_file(host, port, path, name):
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as e:
        raise Failure("usage error: cannot read %s: %s" % (path, e.strerror or e), 2)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Failure("usage error: %s is not a regular file" % path, 2)
        size = st.st_size
        wire_name = os.fsencode(name if name is not None else os.path.basename(path))
        if not 0 < len(wire_name) <= 255:
            raise Failure("usage error: a NAME must be 1..255 bytes", 2)
        h = hashlib.sha256()
        offset = 0
        while offset < size:
            data = os.pread(fd, 1 << 20, offset)
            if not data:
                raise Failure("usage error: %s became shorter while being read" % path, 2)
            h.update(data)
            offset += len(data)
        digest = h.digest()

        try:
            infos = socket.getaddrinfo(host, port, 0, socket.SOCK_DGRAM)
        except socket.gaierror as e:
            raise Failure("cannot resolve %s: %s" % (host, e), 2)
        family, kind, proto, _, addr = infos[0]
        with socket.socket(family, kind, proto) as sock:
            sock.connect(addr)          # only the server's datagrams reach us
            sender = Sender(sock, random.getrandbits(32))
            tid = sender.tid
            sender.request(struct.pack(">BIQB", START, tid, size, len(wire_name)) + wire_name,
                           (START_ACK,))
            sender.send_chunks(fd, size)
            reply = sender.request(struct.pack(">BI", END, tid) + digest, (DONE,))
    finally:
        os.close(fd)
    if len(reply) < 6 or reply[5] != 0:
        raise Failure("the server reports a digest mismatch: the file was not stored", 1)
    out = sys.stdout
    out.write("OK %s\n" % digest.hex())
    out.flush()
    return 0


class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("usage error: %s\n" % message)
        sys.exit(2)


def main():
    parser = QuietParser(description="SocketLab udp-transfer client")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("command", choices=("send",))
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("name", metavar="NAME", nargs="?")
    args = parser.parse_intermixed_args()
    if not 0 < args.port < 65536:
        parser.error("--port must be 1..65535")
    try:
        code = send_file(args.host, args.port, args.file, args.name)
    except Failure as f:
        sys.stdout.flush()
        sys.stderr.write("%s\n" % f)
        sys.stderr.flush()
        code = f.code
    sys.exit(code)


if __name__ == "__main__":
    main()
