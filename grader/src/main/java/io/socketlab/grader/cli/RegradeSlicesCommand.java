package io.socketlab.grader.cli;

import io.socketlab.grader.regrade.Roster;
import io.socketlab.grader.regrade.Slices;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regrade-slices}: the matrix of a distributed regrade, as JSON for the workflow's {@code fromJSON}. */
@Command(name = "regrade-slices", mixinStandardHelpOptions = true,
        description = "Prints the matrix of a regrade workflow: {\"slice\":[0,...,N-1]}, N jobs of about "
                + "--per-job students each, at most --max-jobs (GitHub Actions runs at most 256 per matrix).")
final class RegradeSlicesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--roster", required = true, paramLabel = "FILE", description = "The roster, as regrade reads it.")
    Path roster;

    @Option(names = "--repo-pattern", paramLabel = "PATTERN", description = "As regrade's --repo-pattern.")
    String repoPattern;

    @Option(names = "--per-job", defaultValue = "10", paramLabel = "N",
            description = "Students per job, about (default: ${DEFAULT-VALUE}).")
    int perJob;

    @Option(names = "--max-jobs", defaultValue = "256", paramLabel = "N",
            description = "Most jobs in the matrix (default and limit: ${DEFAULT-VALUE}).")
    int maxJobs;

    @Override
    public Integer call() {
        try {
            int students = Roster.read(roster, repoPattern).size();
            spec.commandLine().getOut().println(Slices.matrixJson(Slices.count(students, perJob, maxJobs)));
            spec.commandLine().getOut().flush();
            return ExitCodes.FULL_MARKS;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("socketlab-grader: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.USAGE;
        }
    }
}
