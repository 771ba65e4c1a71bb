"""The independent Python implementations of examples/python/http, which the variants beside this file break one
habit each: importing this module makes `server` and `client` importable."""
import os
import sys

sys.path.insert(0, os.path.normpath(os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "..", "examples", "python", "http")))
