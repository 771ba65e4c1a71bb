"""sockets: the given command line, and how to test your LineReader without any network."""
import socket
import unittest

from tests import programs

server = programs.load("sockets/server.py")


class CommandLineTests(unittest.TestCase):
    """The command line is given: these pass as soon as you clone."""

    def test_a_server_without_port_is_a_usage_error_on_one_line(self):
        result = programs.run("sockets/server.py")

        self.assertEqual(result.returncode, 2)
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
        self.assertIn("--port", result.stderr)

    def test_a_message_with_a_line_break_is_a_usage_error(self):
        result = programs.run("sockets/client.py", "--port", "9", "one\ntwo")

        self.assertEqual(result.returncode, 2)
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)


class LineReaderTests(unittest.TestCase):
    """Your LineReader (SOCK-3, SOCK-4), fed by a socket pair: two connected sockets, no network needed.
    Skipped while LineReader.readline is a TODO; from then on, they test it."""

    def setUp(self):
        self.client, self.server_end = socket.socketpair()
        self.addCleanup(self.client.close)
        self.addCleanup(self.server_end.close)

    def test_a_line_sent_in_pieces_is_one_line_and_crlf_ends_it_too(self):
        reader = server.LineReader(self.server_end)
        self.client.sendall(b"hel")
        self.client.sendall(b"lo\r\nsecond\nthird")
        self.client.shutdown(socket.SHUT_WR)

        first = programs.unless_todo(self, "LineReader.readline", reader.readline)

        self.assertEqual(first, b"hello")
        self.assertEqual(reader.readline(), b"second")
        self.assertEqual(reader.readline(), b"third")   # cut off by EOF, still a line
        self.assertIsNone(reader.readline())

    def test_a_line_over_8192_bytes_is_refused(self):
        reader = server.LineReader(self.server_end)
        self.client.sendall(b"x" * 8193 + b"\n")

        with self.assertRaises(server.LineTooLong):
            programs.unless_todo(self, "LineReader.readline", reader.readline)


if __name__ == "__main__":
    unittest.main()
