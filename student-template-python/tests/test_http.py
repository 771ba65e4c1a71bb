"""http: the given content types and URL parsing, and how to test your resolve() on a temporary folder."""
import os
import tempfile
import unittest

from tests import programs

client = programs.load("http/client.py")
server = programs.load("http/server.py")


class GivenPartsTests(unittest.TestCase):
    """content_type (HTTP-4) and parse_url (HTTP-20) are given: these pass as soon as you clone."""

    def test_the_type_follows_the_extension_in_any_case(self):
        self.assertEqual(server.content_type(b"/srv/LOGO.PNG"), "image/png")
        self.assertEqual(server.content_type(b"/srv/index.html"), "text/html; charset=utf-8")
        self.assertEqual(server.content_type(b"/srv/README"), "application/octet-stream")

    def test_a_url_gives_host_port_host_field_and_target(self):
        self.assertEqual(client.parse_url("http://example.com/a b?q=1"),
                         ("example.com", 80, "example.com", "/a%20b?q=1"))
        self.assertEqual(client.parse_url("http://127.0.0.1:8080"), ("127.0.0.1", 8080, "127.0.0.1:8080", "/"))


class ResolveTests(unittest.TestCase):
    """Your resolve (HTTP-6, HTTP-14) on a real folder, without any socket. Skipped while it is a TODO."""

    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.root = os.path.realpath(os.fsencode(os.path.join(folder.name, "root")))
        os.makedirs(os.path.join(self.root, b"docs"))
        with open(os.path.join(self.root, b"a b.txt"), "w") as f:
            f.write("inside")
        with open(os.path.join(folder.name, "secret.txt"), "w") as f:
            f.write("outside")

    def test_a_file_inside_the_root_is_served(self):
        path = programs.unless_todo(self, "resolve", lambda: server.resolve(self.root, b"/a%20b.txt"))

        self.assertEqual(path, os.path.join(self.root, b"a b.txt"))

    def test_no_target_leads_out_of_the_root(self):
        programs.unless_todo(self, "resolve", lambda: server.resolve(self.root, b"/a%20b.txt"))
        for escape in (b"/../secret.txt", b"/%2e%2e/secret.txt", b"/docs/../../secret.txt", b"/..%2fsecret.txt"):
            with self.assertRaises(server.HttpError, msg=escape) as refused:
                server.resolve(self.root, escape)
            self.assertIn(refused.exception.status, (403, 404), escape)

    def test_a_folder_without_its_slash_is_redirected(self):
        with self.assertRaises(server.HttpError) as redirect:
            programs.unless_todo(self, "resolve", lambda: server.resolve(self.root, b"/docs"))

        self.assertEqual(redirect.exception.status, 301)
        self.assertIn(("Location", "/docs/"), redirect.exception.headers)


if __name__ == "__main__":
    unittest.main()
