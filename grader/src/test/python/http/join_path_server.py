#!/usr/bin/env python3
"""Mistake: os.path.join(root, unquote(path)) finds the file, and nothing checks where it is: ".." climbs out of the
root, "%2e%2e" too once decoded, and a symbolic link leads anywhere. Must lose HTTP-14."""
import os
import urllib.parse

import examples  # noqa: F401
import server


def resolve(root, raw_path):
    path = os.path.join(root, urllib.parse.unquote_to_bytes(raw_path).lstrip(b"/"))
    if os.path.isdir(path):
        if not raw_path.endswith(b"/"):
            raise server.HttpError(301, close=False, headers=[("Location", raw_path.decode("ascii") + "/")])
        path = os.path.join(path, b"index.html")
    if not os.path.isfile(path):
        raise server.HttpError(404, close=False)
    return path


server.resolve = resolve
server.main()
