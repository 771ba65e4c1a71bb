"""file-transfer: the given name rule and file opening, and how to test Server.list with a stand-in connection."""
import hashlib
import os
import tempfile
import unittest

from tests import programs

server = programs.load("filetransfer/server.py")


class StandInConnection:
    """Takes the place of server.Connection: it records what the server sends."""

    def __init__(self):
        self.sent = b""

    def send(self, data):
        self.sent += data


class GivenPartsTests(unittest.TestCase):
    """NAME (FT-6) and Server.open_file are given: these pass as soon as you clone."""

    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.dir = folder.name

    def test_names_are_1_to_255_safe_characters_not_starting_with_a_dot(self):
        for good in (b"a", b"report-2026_v2.pdf", b"x" * 255):
            self.assertTrue(server.NAME.fullmatch(good), good)
        for bad in (b"", b".hidden", b"..", b"../etc/passwd", b"a/b", b"a\\b", b"x" * 256, b"\xc3\xa9"):
            self.assertIsNone(server.NAME.fullmatch(bad), bad)

    def test_a_symbolic_link_is_never_opened(self):
        with open(os.path.join(self.dir, "real.txt"), "w") as f:
            f.write("content")
        os.symlink(os.path.join(self.dir, "real.txt"), os.path.join(self.dir, "link.txt"))
        store = server.Server(self.dir, 1 << 30)

        opened = store.open_file(b"real.txt")
        self.assertIsNotNone(opened)
        opened[0].close()
        self.assertIsNone(store.open_file(b"link.txt"))


class ListTests(unittest.TestCase):
    """Your Server.list (FT-3), answering a stand-in connection. Skipped while it is a TODO."""

    def test_stored_files_are_listed_sorted_with_size_and_digest_and_temporaries_are_not(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        for name, content in (("b.txt", b"bee"), ("a.bin", b"\x00\x01"), (".upload-x.part", b"half")):
            with open(os.path.join(folder.name, name), "wb") as f:
                f.write(content)
        connection = StandInConnection()

        programs.unless_todo(self, "Server.list", lambda: server.Server(folder.name, 1 << 30).list(connection))

        self.assertEqual(connection.sent, b"OK 2\n"
                         + b"a.bin 2 " + hashlib.sha256(b"\x00\x01").hexdigest().encode() + b"\n"
                         + b"b.txt 3 " + hashlib.sha256(b"bee").hexdigest().encode() + b"\n")


if __name__ == "__main__":
    unittest.main()
