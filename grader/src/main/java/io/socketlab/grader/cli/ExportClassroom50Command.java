package io.socketlab.grader.cli;

import io.socketlab.grader.export.Classroom50Export;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export-classroom50}: one assignment's autograder, runtime and student template for Classroom 50. */
@Command(name = "export-classroom50", mixinStandardHelpOptions = true,
        description = {"For instructors on Classroom 50: writes classroom50/CLASSROOM/autograders/ASSIGNMENT/ "
                + "(autograder.py and its sibling files, to commit into your organisation's classroom50 repository), "
                + "runtime.json (for gh teacher assignment add --runtime) and template/ (the student template "
                + "repository, without a grade workflow). The autograder builds the public grader at the pinned ref, "
                + "checks its digest, compiles the student's sources with the course's poms, grades them in the "
                + "sandbox and writes Classroom 50's result.json and release-body.md."})
final class ExportClassroom50Command implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to export into (new or empty).")
    Path out;

    @Option(names = "--classroom", required = true, paramLabel = "NAME", description = "The classroom's short name.")
    String classroom;

    @Option(names = "--assignment", required = true, paramLabel = "SLUG", description = "The assignment's slug.")
    String assignment;

    @CommandLine.Mixin
    AssignmentOptions assignmentOptions;

    @CommandLine.Mixin
    HarnessOption harness;

    @CommandLine.Mixin
    PinOptions pinOptions;

    @Override
    public Integer call() {
        try {
            List<String> written = new Classroom50Export(harness.root(), pinOptions.pins(), classroom, assignment,
                    assignmentOptions.exercises, assignmentOptions.lang()).writeTo(out);
            spec.commandLine().getOut().printf("export-classroom50: wrote %d files to %s%n", written.size(), out);
            spec.commandLine().getOut().flush();
            return ExitCodes.FULL_MARKS;
        } catch (IllegalArgumentException e) {
            return Commands.fail(spec, ExitCodes.USAGE, e.getMessage());
        } catch (UncheckedIOException e) {
            return Commands.fail(spec, ExitCodes.HARNESS_ERROR, e.getMessage());
        }
    }
}
