"""udp-transfer: the given retransmission timer, and how to test your server with a stand-in socket."""
import struct
import tempfile
import unittest

from tests import programs

client = programs.load("udptransfer/client.py")
server = programs.load("udptransfer/server.py")

CLIENT = ("127.0.0.1", 5000)


class TimerTests(unittest.TestCase):
    """The timer (RFC 6298) is given: this passes as soon as you clone."""

    def test_the_timeout_follows_the_round_trip_and_backs_off_to_a_ceiling(self):
        timer = client.Timer()
        self.assertEqual(timer.rto, client.FIRST_RTO)

        timer.sample(0.1)                          # srtt 0.1, rttvar 0.05: rto = 0.1 + 4 * 0.05
        self.assertAlmostEqual(timer.rto, 0.3)
        for _ in range(10):
            timer.back_off()
        self.assertEqual(timer.rto, client.MAX_RTO)
        timer.restore()
        self.assertAlmostEqual(timer.rto, 0.3)


class StandInSocket:
    """Takes the place of a UDP socket: it records every datagram sent, with its address."""

    def __init__(self):
        self.sent = []

    def sendto(self, data, addr):
        self.sent.append((data, addr))


class StartTests(unittest.TestCase):
    """Your Server.on_start (UT-1, UT-7, UT-9), one datagram at a time. Skipped while it is a TODO."""

    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.socket = StandInSocket()
        self.server = server.Server(self.socket, folder.name)
        self.addCleanup(self.server.discard_all)

    def start(self, tid, name, size):
        datagram = struct.pack(">BIQB", server.START, tid, size, len(name)) + name
        programs.unless_todo(self, "Server.on_start", lambda: self.server.on_start(CLIENT, datagram))

    def test_a_start_is_acknowledged_and_a_bad_name_or_size_refused(self):
        self.start(7, b"notes.txt", 1500)
        self.start(8, b"../passwd", 10)
        self.start(9, b"huge.bin", server.MAX_SIZE + 1)

        self.assertEqual(self.socket.sent, [
            (struct.pack(">BI", server.START_ACK, 7), CLIENT),
            (struct.pack(">BIB", server.ERROR, 8, server.ERROR_BAD_NAME), CLIENT),
            (struct.pack(">BIB", server.ERROR, 9, server.ERROR_TOO_LARGE), CLIENT),
        ])

    def test_a_truncated_start_gets_no_answer_at_all(self):
        datagram = struct.pack(">BIQB", server.START, 7, 10, 5) + b"ab"     # announces 5 name bytes, has 2

        programs.unless_todo(self, "Server.on_start", lambda: self.server.on_start(CLIENT, datagram))

        self.assertEqual(self.socket.sent, [])


if __name__ == "__main__":
    unittest.main()
