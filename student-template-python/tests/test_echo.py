"""echo: the given command line, and how to test echo_tcp with a socket pair instead of a network."""
import socket
import unittest

from tests import programs

server = programs.load("echo/server.py")


class CommandLineTests(unittest.TestCase):
    """The command line is given: these pass as soon as you clone."""

    def test_a_timeout_that_is_not_positive_is_a_usage_error_on_one_line(self):
        result = programs.run("echo/client.py", "--port", "7", "--udp", "--timeout-ms", "0")

        self.assertEqual(result.returncode, 2)
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
        self.assertIn("--timeout-ms", result.stderr)


class EchoTcpTests(unittest.TestCase):
    """Your echo_tcp (ECHO-1, ECHO-2), on one end of a socket pair. Skipped while it is a TODO."""

    def test_every_byte_comes_back_then_the_connection_closes(self):
        client, server_end = socket.socketpair()
        self.addCleanup(client.close)
        payload = bytes(range(256)) * 4        # every byte value, NUL and invalid UTF-8 included
        client.sendall(payload)
        client.shutdown(socket.SHUT_WR)        # the half-close: "I have sent everything"

        # Small enough to sit in the socket buffers, so echo_tcp can run to its end in this thread.
        programs.unless_todo(self, "echo_tcp", lambda: server.echo_tcp(server_end, "test"))

        echoed = b""
        client.settimeout(5)
        while True:
            chunk = client.recv(65536)
            if not chunk:
                break
            echoed += chunk
        self.assertEqual(echoed, payload)


if __name__ == "__main__":
    unittest.main()
