"""The command line and the exit codes every program shares (see the specs' "Starting the programs").

Every program reports a failure on ONE line of stderr and exits with the contract's code:
0 success, 1 refused by the peer (or data that did not verify), 2 usage error or a conversation
that could not be completed. A part not written yet raises NotImplementedError, which ends the
program with exit code 1 and "not implemented yet".
"""
import argparse
import sys

from common import logs

REFUSED = 1      # the server said ERR, or what came back did not verify
USAGE = 2        # the command line is wrong, or names something unusable
INCOMPLETE = 2   # refused connection, early close, silence


class Failure(Exception):
    """Ends a program early: the one line it writes on stderr, and its exit code."""

    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


class Parser(argparse.ArgumentParser):
    """argparse, with a usage error on one stderr line and exit code 2, and --log-level for every program."""

    def __init__(self, program, description, add_help=True):
        super().__init__(prog=program, description=description, add_help=add_help)
        self.add_argument("--log-level", metavar="SPEC",
                          help="turn on the log on stderr: LEVEL, or NAME=LEVEL,... (docs/logging.md)")

    def error(self, message):
        sys.stderr.write("%s: usage error: %s\n" % (self.prog, message))
        sys.exit(USAGE)

    def parse(self, argv=None, intermixed=False):
        """The parsed arguments; the log is set up from --log-level before anything else runs."""
        args = self.parse_intermixed_args(argv) if intermixed else self.parse_args(argv)
        try:
            logs.configure(args.log_level)
        except ValueError as e:
            self.error(str(e))
        return args


def run(program, spec, main):
    """Runs ``main()`` and turns how it ends into the exit code the contract wants.

    ``program`` names it on stderr ("chat server"); ``spec`` is its exercise ("chat" for specs/chat.md).
    """
    try:
        main()
    except Failure as failure:
        sys.stdout.flush()
        sys.stderr.write("%s: %s\n" % (program, failure))
        sys.exit(failure.code)
    except NotImplementedError:
        sys.stdout.flush()
        sys.stderr.write("%s: not implemented yet (see specs/%s.md)\n" % (program, spec))
        sys.exit(1)
