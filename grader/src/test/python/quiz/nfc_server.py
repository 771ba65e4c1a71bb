#!/usr/bin/env python3
"""Mistake: answers normalised with NFC instead of NFD. NFC composes "a" and its accent into one character, so there
is no combining mark left to drop: "triangulo" does not match "Triángulo". Must lose QUIZ-6."""
import unicodedata

import classroom_server as server


def normalise(text):
    composed = unicodedata.normalize("NFC", text)
    bare = "".join(c for c in composed if not unicodedata.combining(c))
    return " ".join(bare.lower().split())


server.normalise = normalise
server.main()
