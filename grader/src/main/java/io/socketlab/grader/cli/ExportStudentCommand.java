package io.socketlab.grader.cli;

import io.socketlab.grader.export.Pins;
import io.socketlab.grader.export.StudentExport;
import io.socketlab.grader.process.Targets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export-student}: writes the student-facing repository, or lists a fork's edits to its protected files. */
@Command(name = "export-student", mixinStandardHelpOptions = true,
        description = {"For instructors: writes the repository students get (student-template/, specs/, the grade "
                + "workflow pinned to the upstream grader, a parent pom without the reference, grade.sh and a "
                + "README), without the reference and without any grader source.",
                "With --compare FORK, writes nothing and prints the protected files (workflows, specs, pom.xml, "
                        + "grade.sh, grader/) of FORK that differ from that export, one per line."})
final class ExportStudentCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--out", paramLabel = "DIR", description = "Folder to export into (new or empty).")
        Path out;

        @Option(names = "--compare", paramLabel = "FORK", description = "A student's repository to compare instead.")
        Path fork;
    }

    @Option(names = "--from", paramLabel = "DIR",
            description = "The harness repository to export (default: the one found from here, or -Dsocketlab.home).")
    Path from;

    @Option(names = "--upstream", paramLabel = "OWNER/NAME",
            description = "The repository the students' workflow builds the grader from (default: as in grade.yml).")
    String upstream;

    @Option(names = "--upstream-ref", paramLabel = "REF",
            description = "The tag or commit of it that grades this course (default: as in grade.yml).")
    String upstreamRef;

    @Option(names = "--grader-sha256", paramLabel = "HEX",
            description = "The public grader jar's SHA-256 at that ref (default: the digest of "
                    + "socketlab-grader-public.jar, this jar or the one beside it, else as in grade.yml).")
    String graderSha256;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StudentExport export;
        try {
            Path root = from != null ? from : Targets.home().orElseThrow(() -> new IllegalArgumentException(
                    "cannot find the SocketLab repository; run from inside it or pass --from DIR"));
            String digest = graderSha256 != null ? graderSha256
                    : GraderJars.publicJar().map(GraderJars::sha256).orElse(null);
            export = new StudentExport(root, new Pins(upstream, upstreamRef, digest));
            if (mode.fork != null) {
                if (!Files.isDirectory(mode.fork)) {
                    throw new IllegalArgumentException("no such folder: " + mode.fork);
                }
                export.editedProtectedFiles(mode.fork).forEach(out::println);
            } else {
                List<String> written = export.writeTo(mode.out);
                out.printf("export-student: wrote %d files to %s (no reference/, no grader sources)%n",
                        written.size(), mode.out);
            }
        } catch (IllegalArgumentException e) {
            return fail(ExitCodes.USAGE, e.getMessage());
        } catch (UncheckedIOException e) {
            return fail(ExitCodes.HARNESS_ERROR, e.getMessage());
        }
        out.flush();
        return ExitCodes.FULL_MARKS;
    }

    private int fail(int exitCode, String message) {
        spec.commandLine().getErr().println("socketlab-grader: " + message);
        spec.commandLine().getErr().flush();
        return exitCode;
    }
}
