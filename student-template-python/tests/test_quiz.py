"""quiz: the given questions file, and how to test your answer matching (a pure function: no socket)."""
import os
import tempfile
import unittest

from tests import programs

server = programs.load("quiz/server.py")


class QuestionsFileTests(unittest.TestCase):
    """load_questions is given (QUIZ-10): this passes as soon as you clone."""

    def questions(self, text):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        path = os.path.join(folder.name, "questions.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return server.load_questions(path)

    def test_a_valid_file_gives_its_questions_in_order(self):
        self.assertEqual(self.questions('[{"question": "2+2?", "answer": "4"}, {"question": "¿Capital?", '
                                        '"answer": "Lima"}]'),
                         [("2+2?", "4"), ("¿Capital?", "Lima")])

    def test_anything_else_is_refused_with_a_reason(self):
        for text in ("[]", "{}", "not json", '[{"question": "q"}]', '[{"question": "a\\nb", "answer": "x"}]'):
            with self.assertRaises(server.BadQuestions, msg=text):
                self.questions(text)


class AnswerMatchingTests(unittest.TestCase):
    """Your normalise (QUIZ-6). Skipped while it is a TODO."""

    def test_case_accents_and_spaces_do_not_count(self):
        given = programs.unless_todo(self, "normalise", lambda: server.normalise("  Triángulo\u00a0  RECTÁNGULO "))

        self.assertEqual(given, server.normalise("triangulo rectangulo"))
        self.assertNotEqual(server.normalise("triangulo"), server.normalise("triangulos"))


if __name__ == "__main__":
    unittest.main()
