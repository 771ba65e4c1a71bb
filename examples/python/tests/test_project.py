"""The sample project's own tests (PROJ-4, PROJ-5): the command language alone, then client and server
talking over a real loopback socket."""
import importlib.util
import io
import os
import socket
import threading
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(path):
    spec = importlib.util.spec_from_file_location("project_" + os.path.basename(path)[:-3], os.path.join(ROOT, path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


server = load("project/server.py")
client = load("project/client.py")


class StoreTests(unittest.TestCase):
    """The command language, without any socket."""

    def setUp(self):
        self.store = server.Store()

    def test_stores_reads_and_deletes_a_value(self):
        self.assertEqual(self.store.execute("PUT colour deep blue"), "OK")
        self.assertEqual(self.store.execute("GET colour"), "VALUE deep blue")
        self.assertEqual(self.store.execute("SIZE"), "SIZE 1")
        self.assertEqual(self.store.execute("DEL colour"), "OK")
        self.assertEqual(self.store.execute("GET colour"), "ERR not-found")
        self.assertEqual(self.store.execute("DEL colour"), "ERR not-found")

    def test_refuses_malformed_commands(self):
        self.assertEqual(self.store.execute("PUT lonely"), "ERR usage: PUT <key> <value>")
        self.assertEqual(self.store.execute("GET"), "ERR usage: GET <key>")
        self.assertEqual(self.store.execute("DEL a b"), "ERR usage: DEL <key>")
        self.assertEqual(self.store.execute("FLY away"), "ERR unknown-command FLY")

    def test_the_help_names_every_option(self):
        for text in (server.HELP, client.HELP):
            self.assertIn("--port", text)
            self.assertIn("--help", text)


class LoopbackTests(unittest.TestCase):
    """The client against the server, on a port the kernel picks."""

    def setUp(self):
        self.listener = server.listen("127.0.0.1", 0)
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=server.accept_forever, args=(self.listener, server.Store()))
        self.thread.start()
        self.addCleanup(self.stop)

    def stop(self):
        self.listener.shutdown(socket.SHUT_RDWR)   # wakes the accept() in progress; close() alone would not
        self.listener.close()
        self.thread.join(10)
        self.assertFalse(self.thread.is_alive())

    def test_commands_get_their_replies_then_bye(self):
        out = io.StringIO()

        code, reason = client.converse("127.0.0.1", self.port, ["PUT k v", "GET k"], out)

        self.assertEqual((code, reason), (0, None))
        self.assertEqual(out.getvalue(), "OK\nVALUE v\nBYE\n")

    def test_an_err_reply_is_exit_code_1(self):
        code, _ = client.converse("127.0.0.1", self.port, ["GET missing"], io.StringIO())

        self.assertEqual(code, 1)

    def test_a_refused_connection_is_exit_code_2(self):
        free = server.listen("127.0.0.1", 0)
        port = free.getsockname()[1]
        free.close()

        code, reason = client.converse("127.0.0.1", port, ["SIZE"], io.StringIO())

        self.assertEqual(code, 2)
        self.assertIn("cannot connect", reason)


if __name__ == "__main__":
    unittest.main()
