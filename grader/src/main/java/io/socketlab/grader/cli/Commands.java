package io.socketlab.grader.cli;

import picocli.CommandLine;

/** What the subcommands share: how a failure is told. */
final class Commands {

    private Commands() {
    }

    /** Prints {@code message} on the command's error stream and returns {@code exitCode}. */
    static int fail(CommandLine.Model.CommandSpec spec, int exitCode, String message) {
        spec.commandLine().getErr().println("socketlab-grader: " + message);
        spec.commandLine().getErr().flush();
        return exitCode;
    }
}
