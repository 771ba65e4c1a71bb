package io.socketlab.reference.quiz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.socketlab.reference.common.Failure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One question of the quiz, and the answer that scores. */
record Question(String text, String answer) {

    // Text after the array, or a field given twice, make the file unusable, not ambiguous.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * QUIZ-10: the questions of {@code file}, a non-empty JSON array of
     * {@code {"question": S, "answer": S}} objects, in file order.
     *
     * @throws Failure a usage error (exit code 2) that says what is wrong with the file
     */
    static List<Question> load(Path file) throws Failure {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // The original message alone: the full one spans several lines, and stderr gets one.
            throw Failure.usage(file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Failure.usage("cannot read the questions file " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw Failure.usage(file + " must hold a non-empty JSON array of {\"question\", \"answer\"} objects");
        }
        List<Question> questions = new ArrayList<>();
        for (JsonNode entry : root) {
            String where = file + ", question " + (questions.size() + 1);
            if (!entry.isObject()) {
                throw Failure.usage(where + ": must be a {\"question\", \"answer\"} object");
            }
            questions.add(new Question(line(entry, "question", where), line(entry, "answer", where)));
        }
        return questions;
    }

    /** A non-blank string that fits in one protocol line: QUESTION and RESULT lines carry it. */
    private static String line(JsonNode entry, String field, String where) throws Failure {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual()) {
            throw Failure.usage(where + ": \"" + field + "\" must be a string");
        }
        String text = value.textValue();
        if (text.isBlank()) {
            throw Failure.usage(where + ": \"" + field + "\" cannot be empty");
        }
        if (text.contains("\n") || text.contains("\r")) {
            throw Failure.usage(where + ": \"" + field + "\" cannot contain a line break");
        }
        return text;
    }
}
