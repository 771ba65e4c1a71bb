#!/usr/bin/env python3
"""Runs the project's own tests (PROJ-4) and measures their line coverage of project/ (PROJ-5).

Usage: python3 common/project_tests.py [--coverage]

The tests are every tests/test_project*.py; the code measured is every .py file under project/. Exit
code 0 when at least one test ran and none failed (a skipped test does not count), 1 otherwise. With
--coverage, the last line on stdout is the percentage of project/'s lines the tests ran, e.g. 73.5:
that is what the grader reads (`project.coverage` in socketlab.properties). Standard library only: the
line counts come from the trace module, as `python3 -m trace --count` would give them.
"""
import dis
import os
import sys
import threading
import trace
import types
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT = os.path.join(ROOT, "project")


def run_tests():
    """Runs the tests, reporting on stderr (stdout's last line is the figure); whether they passed."""
    sys.path.insert(0, ROOT)
    suite = unittest.defaultTestLoader.discover(os.path.join(ROOT, "tests"), pattern="test_project*.py",
                                                top_level_dir=ROOT)
    result = unittest.TextTestRunner(stream=sys.stderr, verbosity=2).run(suite)
    ran = result.testsRun - len(result.skipped)
    print("tests: %d run, %d skipped, %d failed" % (ran, len(result.skipped),
                                                    len(result.failures) + len(result.errors)))
    return ran > 0 and result.wasSuccessful()


def executable_lines(path):
    """The numbers of the lines of ``path`` that run code (what a coverage tool counts)."""
    with open(path, encoding="utf-8") as f:
        code = compile(f.read(), path, "exec")
    lines, pending = set(), [code]
    while pending:
        unit = pending.pop()
        lines.update(line for _, line in dis.findlinestarts(unit) if line)
        pending.extend(c for c in unit.co_consts if isinstance(c, types.CodeType))
    return lines


def project_files():
    for folder, _, names in os.walk(PROJECT):
        for name in sorted(names):
            if name.endswith(".py"):
                yield os.path.join(folder, name)


def measure():
    """Runs the tests under trace, every thread included; (passed, covered lines, executable lines)."""
    tracer = trace.Trace(count=True, trace=False, ignoredirs=[sys.prefix, sys.exec_prefix])
    threading.settrace(tracer.globaltrace)      # the project's server threads count too
    try:
        passed = tracer.runfunc(run_tests)
    finally:
        threading.settrace(None)
    ran = {(os.path.realpath(path), line) for path, line in tracer.results().counts}
    covered = total = 0
    for path in project_files():
        lines = executable_lines(path)
        real = os.path.realpath(path)
        total += len(lines)
        covered += sum(1 for line in lines if (real, line) in ran)
    return passed, covered, total


def main():
    if "--coverage" not in sys.argv[1:]:
        sys.exit(0 if run_tests() else 1)
    passed, covered, total = measure()
    percent = 100.0 * covered / total if total else 0.0
    print("line coverage of project/: %d of %d lines" % (covered, total))
    print("%.1f" % percent)
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
