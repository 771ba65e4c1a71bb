"""udp-stream: the given PNG encoder and decoder, and how to test your concealment on a Frame alone."""
import unittest

from tests import programs

client = programs.load("udpstream/client.py")
server = programs.load("udpstream/server.py")

RED, GREEN, BLUE = b"\xff\x00\x00", b"\x00\xff\x00", b"\x00\x00\xff"


class PngTests(unittest.TestCase):
    """encode_png (the receiver's) and read_png (the sender's) are given: this passes as soon as you clone."""

    def test_what_the_receiver_writes_the_sender_reads_back(self):
        rows = [RED + GREEN, BLUE + RED, GREEN + BLUE]
        scanlines = b"".join(b"\x00" + row for row in rows)

        png = server.encode_png(2, 3, scanlines)

        self.assertTrue(png.startswith(server.PNG_SIGNATURE))
        self.assertEqual(client.read_png(png), (2, 3, rows))


class ConcealmentTests(unittest.TestCase):
    """Your Frame.pixels (US-2): a frame assembled by hand, no socket. Skipped while it is a TODO."""

    def test_a_missing_row_is_the_row_above_and_black_at_the_top(self):
        frame = server.Frame()
        frame.set_header(1, 4)
        frame.rows[1] = RED                      # rows 0 and 3 never came; row 2 did
        frame.rows[2] = BLUE

        scanlines = programs.unless_todo(self, "Frame.pixels", frame.pixels)

        self.assertEqual(scanlines, b"\x00" + b"\x00\x00\x00" + b"\x00" + RED + b"\x00" + BLUE + b"\x00" + BLUE)


if __name__ == "__main__":
    unittest.main()
