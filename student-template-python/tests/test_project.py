"""A sample of your own tests (PROJ-4, PROJ-5).

Put your project's tests in tests/test_project*.py: `python3 common/project_tests.py` runs them (and so
does `python3 -m unittest`), and with --coverage measures how many lines of project/ they run; the
grader does both (project.test and project.coverage in socketlab.properties). Test your protocol's
logic without sockets, and your server with a real loopback socket: bind it to port 0 in the test,
talk to it, close it.
"""
import unittest


class ProjectServerTests(unittest.TestCase):

    @unittest.skip("a sample: replace it with tests of your own project")
    def test_answers_a_command(self):
        reply = "OK"        # e.g. programs.load("project/server.py").Store().execute("PUT colour blue")

        self.assertEqual(reply, "OK")


if __name__ == "__main__":
    unittest.main()
