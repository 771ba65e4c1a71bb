package io.socketlab.grader.process;

import io.socketlab.grader.model.Program;
import java.util.Optional;

/** An implementation of the exercises: one command per program it submits. */
public interface Target {

    /** What reports call it: {@code reference}, {@code student}, or the manifest's path. */
    String name();

    /** The command that starts a program, or empty when the target does not submit it. */
    Optional<ProgramCommand> program(String exercise, Program program);

    /**
     * A command the target names for something other than a program, e.g. {@code project.test} (its own tests);
     * empty when it names none. Only manifests name such commands.
     */
    default Optional<ProgramCommand> command(String key) {
        return Optional.empty();
    }

    /**
     * The language the target says its programs are written in ({@code java}, {@code python}...), for hints that
     * name a language's API; empty when it does not say (then its commands tell).
     */
    default Optional<String> declaredLanguage() {
        return Optional.empty();
    }

    /** Whether the programs are Java classes run by the grader's JVM (so the JaCoCo agent could be attached). */
    default boolean isJava() {
        return false;
    }
}
