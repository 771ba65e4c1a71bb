package io.socketlab.grader.cli;

import io.socketlab.grader.classreport.ClassReport;
import io.socketlab.grader.classreport.ClassReportWriter;
import io.socketlab.grader.regrade.Regrade;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code regrade-report}: the class report of a regrade folder, such as the merged slices of the workflow's matrix. */
@Command(name = "regrade-report", mixinStandardHelpOptions = true,
        description = "For instructors: writes the class report (and the similarity check) of a regrade's folder "
                + "from DIR/students/*/ — what the slices of a regrade, merged into one folder, recorded.")
final class RegradeReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The regrade's folder: students/ is read, the class report written beside it.")
    Path out;

    @Mixin
    RegradeCommand.RegradeOptions options;

    @Override
    public Integer call() throws InterruptedException {
        try {
            options.checkSandbox();
            ClassReport report = Regrade.report(out.toAbsolutePath().normalize(), options.jplag());
            spec.commandLine().getOut().printf(Locale.ROOT, "regrade-report: %d students in %s (%s)%n",
                    report.students().size(), out, String.join(", ", ClassReportWriter.FILES));
            report.similarity().ifPresent(s -> spec.commandLine().getOut().println("regrade-report: " + s.note()));
            spec.commandLine().getOut().flush();
            return ExitCodes.FULL_MARKS;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("socketlab-grader: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.USAGE;
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("socketlab-grader: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.HARNESS_ERROR;
        }
    }
}
