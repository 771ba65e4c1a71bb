"""Loads a program of this repository as a module, so that a test can call its functions and classes.

A program is a script (``python3 chat/server.py``), not a package: ``load("chat/server.py")`` reads it
by its path. Its ``main()`` does not run: only ``if __name__ == "__main__"`` would start it.
"""
import importlib.util
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(path):
    """The module of the program at ``path``, relative to the repository root (e.g. "chat/server.py")."""
    name = "program_" + path.replace("/", "_").replace(".py", "")
    spec = importlib.util.spec_from_file_location(name, os.path.join(ROOT, path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(path, *args, stdin="", timeout=10):
    """Runs the program at ``path`` with ``args`` to its end: a CompletedProcess, stdout and stderr as text."""
    return subprocess.run([sys.executable, os.path.join(ROOT, path), *args], input=stdin, text=True,
                          capture_output=True, timeout=timeout, cwd=ROOT)


def unless_todo(test, what, call):
    """``call()``'s result; but while ``what`` is still a TODO (it raises NotImplementedError), ``test`` is skipped.

    A test of your own code can go through it: skipped, not failed, until you have written that part.
    """
    try:
        return call()
    except NotImplementedError:
        test.skipTest("%s is not written yet" % what)
