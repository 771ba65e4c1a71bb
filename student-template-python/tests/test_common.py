"""The template's shared parts (common/): the command line's one-line usage errors and the log's levels."""
import contextlib
import io
import logging
import unittest

from common import cli, logs


class LogLevelTests(unittest.TestCase):
    """--log-level turns on one component's records, on the stream given (stderr), one line each."""

    def tearDown(self):
        logs.configure(None)

    def test_a_component_turned_to_debug_shows_its_records_and_only_those(self):
        stderr = io.StringIO()
        logs.configure("chat.server.room=DEBUG", stream=stderr)

        logging.getLogger("chat.server.room").debug("alice joined")
        logging.getLogger("chat.server").debug("not shown: chat.server stays at WARNING")
        logging.getLogger("chat.server").warning("shown: a warning")

        lines = stderr.getvalue().splitlines()
        self.assertEqual(len(lines), 2, lines)
        self.assertRegex(lines[0], r"^\d\d:\d\d:\d\d\.\d{3} DEBUG   chat\.server\.room alice joined$")
        self.assertIn("WARNING chat.server shown: a warning", lines[1])

    def test_an_exercise_level_applies_to_its_components_and_a_level_alone_to_all(self):
        logs.configure("quiz=INFO", stream=io.StringIO())
        self.assertTrue(logging.getLogger("quiz.server.game").isEnabledFor(logging.INFO))
        self.assertFalse(logging.getLogger("chat.server").isEnabledFor(logging.INFO))

        logs.configure("debug", stream=io.StringIO())
        self.assertTrue(logging.getLogger("chat.server").isEnabledFor(logging.DEBUG))

    def test_an_unknown_level_or_name_is_refused_naming_it(self):
        with self.assertRaisesRegex(ValueError, "chat=LOUD"):
            logs.configure("chat=LOUD")
        with self.assertRaisesRegex(ValueError, "chat room"):
            logs.configure("chat room=DEBUG")


class ParserTests(unittest.TestCase):
    """A usage error is one line on stderr and exit code 2, whatever the mistake."""

    def test_a_bad_log_level_is_a_usage_error(self):
        parser = cli.Parser("echo server", "test")
        stderr = io.StringIO()

        with self.assertRaises(SystemExit) as exit_code, contextlib.redirect_stderr(stderr):
            parser.parse(["--log-level", "echo=LOUD"])

        self.assertEqual(exit_code.exception.code, 2)
        self.assertEqual(stderr.getvalue().count("\n"), 1)
        self.assertTrue(stderr.getvalue().startswith("echo server: usage error: --log-level"))


if __name__ == "__main__":
    unittest.main()
