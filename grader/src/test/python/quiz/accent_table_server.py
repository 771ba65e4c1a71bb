#!/usr/bin/env python3
"""Mistake: accents removed with a table of accented letters (str.maketrans("áéíóú...", "aeiou...")) instead of
Unicode normalisation. It works for the letters typed on the teacher's keyboard, not for an answer whose accent is a
separate combining mark (NFD, as macOS and many phones send it): "PARÍS" typed that way does not match "París".
Must lose QUIZ-6."""
import classroom_server as server

TABLE = str.maketrans("áéíóúàèìòùäëïöüâêîôûñçÁÉÍÓÚÀÈÌÒÙÄËÏÖÜÂÊÎÔÛÑÇ", "aeiouaeiouaeiouaeiouncAEIOUAEIOUAEIOUAEIOUNC")


def normalise(text):
    return " ".join(text.translate(TABLE).lower().split())


server.normalise = normalise
server.main()
