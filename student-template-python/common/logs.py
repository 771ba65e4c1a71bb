"""The log of every program (docs/logging.md): per-module loggers, records on stderr, one line each.

Each program names its loggers after its file and its parts: ``chat.server`` for chat/server.py,
``chat.server.room`` for the chat server's room. By default only warnings show; ``--log-level`` turns
on more, per exercise or per component, without touching the code::

    python3 chat/server.py --port 7000 --log-level chat=DEBUG,chat.server.room=INFO

Levels, from coarse to fine: CRITICAL, ERROR, WARNING, INFO, DEBUG (and NOTSET). A LEVEL alone
applies to every logger. Records go to stderr only: stdout is the program's output.
"""
import logging
import re
import sys

LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG", "NOTSET")
DEFAULT_LEVEL = logging.WARNING
NAME = re.compile(r"[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*")
FORMAT = "%(asctime)s.%(msecs)03d %(levelname)-7s %(name)s %(message)s"


def configure(spec=None, stream=None):
    """Sets up the log: records on ``stream`` (stderr), WARNING and above, then the levels of ``spec``.

    ``spec`` is the value of --log-level: comma-separated ``name=LEVEL`` entries, or a LEVEL alone.
    Raises ValueError, naming the entry, for an unknown level or a name that is not a logger name.
    """
    levels = []
    for entry in (spec or "").split(","):
        entry = entry.strip()
        if not entry:
            continue
        name, _, level = entry.rpartition("=")
        name = name.strip()
        if name and not NAME.fullmatch(name):
            raise ValueError('--log-level: "%s" is not a logger name such as chat or chat.server.room' % name)
        if level.strip().upper() not in LEVELS:
            raise ValueError('--log-level: "%s" has no level %s (e.g. chat=DEBUG)' % (entry, ", ".join(LEVELS)))
        levels.append((name, level.strip().upper()))

    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    # A level set by an earlier call is forgotten: only this spec counts.
    for logger in list(logging.Logger.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger):
            logger.setLevel(logging.NOTSET)
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT, "%H:%M:%S"))
    root.addHandler(handler)
    root.setLevel(DEFAULT_LEVEL)
    for name, level in levels:
        logging.getLogger(name or None).setLevel(level)
