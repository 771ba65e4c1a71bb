package io.socketlab.grader.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start one program of a target, before the contract's arguments are appended.
 *
 * @param command    the command and its fixed arguments
 * @param workingDir where it runs; {@code null} for the program's private temporary folder
 * @param description what a report shows, e.g. {@code python3 echo/server.py}
 * @param beforeStop run just before the grader stops the program (SIGTERM or kill) while it still runs: collects
 *                   what must be taken from a live process, such as its coverage
 */
public record ProgramCommand(List<String> command, Path workingDir, String description, Runnable beforeStop) {

    private static final Runnable NOTHING = () -> { };

    public ProgramCommand {
        command = List.copyOf(command);
        beforeStop = beforeStop != null ? beforeStop : NOTHING;
    }

    public ProgramCommand(List<String> command, Path workingDir, String description) {
        this(command, workingDir, description, NOTHING);
    }

    /** The full command line with the contract's arguments appended. */
    public List<String> withArguments(List<String> arguments) {
        List<String> full = new ArrayList<>(command);
        full.addAll(arguments);
        return full;
    }
}
