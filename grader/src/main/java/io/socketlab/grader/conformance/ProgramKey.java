package io.socketlab.grader.conformance;

import io.socketlab.grader.model.Program;

/** One program of one exercise, e.g. the echo server: the unit whose tests share a baseline and a server. */
public record ProgramKey(String exercise, Program program) {

    /** {@code echo-server}: how folders and logs name the program. */
    public String label() {
        return exercise + "-" + program.id();
    }

    @Override
    public String toString() {
        return exercise + " " + program.id();
    }
}
