package io.socketlab.grader.target;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start one program of a target, before the contract's arguments are appended.
 *
 * @param command    the command and its fixed arguments
 * @param workingDir where it runs; {@code null} for the program's private temporary folder
 * @param description what a report shows, e.g. {@code python3 echo/server.py}
 */
public record ProgramCommand(List<String> command, Path workingDir, String description) {

    public ProgramCommand {
        command = List.copyOf(command);
    }

    /** The full command line with the contract's arguments appended. */
    public List<String> withArguments(List<String> arguments) {
        List<String> full = new ArrayList<>(command);
        full.addAll(arguments);
        return full;
    }
}
