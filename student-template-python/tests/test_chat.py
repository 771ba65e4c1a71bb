"""chat: the given output format, and how to test your Registry with stand-in clients (no sockets)."""
import unittest

from tests import programs

client = programs.load("chat/client.py")
server = programs.load("chat/server.py")


class OutputFormatTests(unittest.TestCase):
    """format_line is given (CHAT-12): this passes as soon as you clone."""

    def test_server_lines_are_shown_for_a_person(self):
        self.assertEqual(client.format_line(b"MSG ana hola a todos"), b"[ana] hola a todos")
        self.assertEqual(client.format_line(b"PRIV ana psst"), b"[ana] (private) psst")
        self.assertEqual(client.format_line(b"JOIN bob"), b"* bob joined")
        self.assertEqual(client.format_line(b"ERR nick-taken"), b"! nick-taken")
        self.assertEqual(client.format_line(b"SOMETHING new"), b"SOMETHING new")


class StandInClient:
    """Takes the place of server.Client: it records what the registry queues for it."""

    def __init__(self):
        self.nick = None
        self.lines = []

    def send(self, line):
        self.lines.append(line)


class RegistryTests(unittest.TestCase):
    """Your Registry (CHAT-1): register() decides alone, without any socket. Skipped while it is a TODO."""

    def test_a_nick_must_be_valid_and_free(self):
        registry = programs.unless_todo(self, "Registry", server.Registry)
        ana = StandInClient()

        self.assertEqual(programs.unless_todo(self, "Registry.register",
                                              lambda: registry.register(StandInClient(), "ana maria")),
                         "nick-invalid")
        self.assertIsNone(registry.register(ana, "ana"))
        self.assertEqual(ana.lines, ["OK ana"])
        self.assertEqual(registry.register(StandInClient(), "ana"), "nick-taken")


if __name__ == "__main__":
    unittest.main()
