package io.socketlab.grader.conformance;

import io.socketlab.grader.model.Program;
import io.socketlab.grader.process.ProgramCommand;
import io.socketlab.grader.process.Target;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a graded program is written in, as far as hints care: a hint that names an API ({@code
 * shutdownOutput()}, {@code sock.shutdown(socket.SHUT_WR)}) is given in the program's own language.
 */
public enum ProgramLanguage {
    JAVA("java"), PYTHON("python"), OTHER(null);

    private final String key;

    ProgramLanguage(String key) {
        this.key = key;
    }

    /** The suffix of this language's hints in a message bundle ({@code .hint.java}); empty for another language. */
    public Optional<String> bundleSuffix() {
        return Optional.ofNullable(key);
    }

    /**
     * What {@code target} writes {@code program} of {@code exercise} in: Java for this repository's modules; for a
     * manifest, its {@code language} key, else what its command starts ({@code python3 ...} is Python).
     */
    public static ProgramLanguage of(Target target, String exercise, Program program) {
        if (target.isJava()) {
            return JAVA;
        }
        Optional<String> declared = target.declaredLanguage();
        if (declared.isPresent()) {
            return named(declared.get());
        }
        return target.program(exercise, program).map(ProgramLanguage::ofCommand).orElse(OTHER);
    }

    static ProgramLanguage named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "java" -> JAVA;
            case "python", "python3" -> PYTHON;
            default -> OTHER;
        };
    }

    /** {@code python3 echo/server.py} is Python, {@code java -jar x.jar} Java; what the first word runs tells. */
    static ProgramLanguage ofCommand(ProgramCommand command) {
        String[] words = command.description().strip().split("\\s+");
        String first = Path.of(words[0]).getFileName().toString().toLowerCase(Locale.ROOT);
        if (first.matches("python[0-9.]*|py|pypy[0-9.]*") || first.endsWith(".py")) {
            return PYTHON;
        }
        if (first.equals("java") || first.endsWith(".jar") || first.equals("mvn") || first.equals("gradle")) {
            return JAVA;
        }
        return OTHER;
    }
}
