package io.socketlab.grader.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** What a platform's assignment grades, and in which language its students read the feedback. */
final class AssignmentOptions {

    @Option(names = "--exercises", split = ",", defaultValue = "all", paramLabel = "IDS",
            description = "What the assignment grades: all, or a comma-separated list (default: ${DEFAULT-VALUE}).")
    List<String> exercises;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|es",
            description = "Language of the students' feedback (default: ${DEFAULT-VALUE}).")
    String lang;

    /** @throws IllegalArgumentException when the language is not one the grader speaks */
    String lang() {
        if (!lang.equals("en") && !lang.equals("es")) {
            throw new IllegalArgumentException("--lang must be en or es, got '" + lang + "'");
        }
        return lang;
    }
}
