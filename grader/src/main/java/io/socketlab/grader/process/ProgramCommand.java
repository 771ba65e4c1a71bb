package io.socketlab.grader.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How to start one program of a target, before the contract's arguments are appended.
 *
 * @param command    the command and its fixed arguments
 * @param workingDir where it runs; {@code null} for the program's private temporary folder
 * @param description what a report shows, e.g. {@code python3 echo/server.py}
 * @param beforeStop run, given the program, just before the grader stops it (SIGTERM or kill) while it still runs:
 *                   collects what must be taken from a live process, such as its coverage
 * @param readable   in a sandbox, folders and files it reads besides its working folder, its classpath and the
 *                   system's (a build's dependency cache, say)
 * @param writable   in a sandbox, folders it writes besides its own private one and the data folders its arguments
 *                   name (a build's output folder, say)
 */
public record ProgramCommand(List<String> command, Path workingDir, String description,
                             Consumer<RunningProgram> beforeStop,
                             List<Path> readable, List<Path> writable) {

    private static final Consumer<RunningProgram> NOTHING = program -> { };

    public ProgramCommand {
        command = List.copyOf(command);
        beforeStop = beforeStop != null ? beforeStop : NOTHING;
        readable = List.copyOf(readable);
        writable = List.copyOf(writable);
    }

    public ProgramCommand(List<String> command, Path workingDir, String description,
                          Consumer<RunningProgram> beforeStop) {
        this(command, workingDir, description, beforeStop, List.of(), List.of());
    }

    public ProgramCommand(List<String> command, Path workingDir, String description) {
        this(command, workingDir, description, NOTHING);
    }

    /** The same command, which in a sandbox may also read {@code readable} and write {@code writable}. */
    public ProgramCommand withFolders(List<Path> moreReadable, List<Path> moreWritable) {
        List<Path> allReadable = new ArrayList<>(readable);
        allReadable.addAll(moreReadable);
        List<Path> allWritable = new ArrayList<>(writable);
        allWritable.addAll(moreWritable);
        return new ProgramCommand(command, workingDir, description, beforeStop, allReadable, allWritable);
    }

    /** The full command line with the contract's arguments appended. */
    public List<String> withArguments(List<String> arguments) {
        List<String> full = new ArrayList<>(command);
        full.addAll(arguments);
        return full;
    }
}
