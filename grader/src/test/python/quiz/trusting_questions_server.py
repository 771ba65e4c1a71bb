#!/usr/bin/env python3
"""Mistake: the questions file is read with json.load() and trusted: an empty array, an object, an answer that is a
number are not refused at start, and the server fails later, at the first question. Must lose QUIZ-10."""
import json

import classroom_server as server


def load_questions(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        server.fail(2, "bad questions file %s: %s" % (path, e))
    return [(item["question"], item["answer"]) for item in data] if isinstance(data, list) else data


server.load_questions = load_questions
server.main()
