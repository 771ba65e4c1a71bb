package io.socketlab.grader.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code socketlab-grader}: grades socket-programming exercises over real sockets. */
@Command(name = "socketlab-grader",
        mixinStandardHelpOptions = true,
        version = "SocketLab grader 0.1.0",
        description = "Grades socket-programming exercises over real sockets.",
        subcommands = {GradeCommand.class, ListCommand.class, ClassReportCommand.class, ExportStudentCommand.class,
                RegradeCommand.class, RegradeReportCommand.class, RegradeSlicesCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:full marks", "1:some points lost", "2:bad usage", "3:harness error (run again)"})
public final class GraderCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: grade or list");
    }

    /** The command line as tests drive it: usage errors exit 2, unexpected exceptions 3. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new GraderCommand());
        commandLine.setExitCodeExceptionMapper(
                e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.HARNESS_ERROR);
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        commandLine.getCommandSpec().subcommands().values()
                .forEach(sub -> sub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE));
        return commandLine;
    }

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        System.exit(exit);
    }
}
