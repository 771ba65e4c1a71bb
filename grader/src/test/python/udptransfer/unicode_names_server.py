#!/usr/bin/env python3
"""Mistake: checks names with re.fullmatch(r"[\\w.-]+"), as in any Python tutorial: in Python 3, \\w matches every
Unicode letter and digit, so "naïve.txt" passes although only ASCII letters and digits are allowed. Must lose UT-7."""
import re

import classroom_server as server


def valid_name(name):
    text = name.decode("utf-8", errors="replace")
    return len(name) <= 255 and not text.startswith(".") and re.fullmatch(r"[\w.-]+", text) is not None


server.valid_name = valid_name
server.main()
