package io.socketlab.grader.cli;

import io.socketlab.grader.export.GradescopeExport;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export-gradescope}: the autograder zip Gradescope builds its image from. */
@Command(name = "export-gradescope", mixinStandardHelpOptions = true,
        description = {"For instructors on Gradescope: writes the autograder zip (setup.sh installs a JDK 17, Maven, "
                + "Python and bubblewrap on Gradescope's Ubuntu image; run_autograder grades /autograder/submission, "
                + "the Java template's layout or a socketlab.properties manifest, and writes "
                + "/autograder/results/results.json). It carries the full grader: hidden tests included, shown to "
                + "students as Gradescope's hidden tests. Run it from the full grader jar of a built harness."})
final class ExportGradescopeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "The zip to write.")
    Path out;

    @CommandLine.Mixin
    HarnessOption harness;

    @Option(names = "--grader-jar", paramLabel = "JAR",
            description = "The full grader jar to ship (default: socketlab-grader.jar, this jar or the one beside it).")
    Path graderJar;

    @CommandLine.Mixin
    AssignmentOptions assignmentOptions;

    @Override
    public Integer call() {
        try {
            String lang = assignmentOptions.lang();
            Path jar = graderJar != null ? graderJar : GraderJars.fullJar().orElseThrow(() ->
                    new IllegalArgumentException("no full grader jar found: pass --grader-jar JAR"));
            int entries = new GradescopeExport(harness.root(), jar, assignmentOptions.exercises, lang).writeTo(out);
            spec.commandLine().getOut().printf("export-gradescope: wrote %s (%d entries, full grader sha256 %s)%n",
                    out, entries, GraderJars.sha256(jar));
            spec.commandLine().getOut().flush();
            return ExitCodes.FULL_MARKS;
        } catch (IllegalArgumentException e) {
            return Commands.fail(spec, ExitCodes.USAGE, e.getMessage());
        } catch (UncheckedIOException e) {
            return Commands.fail(spec, ExitCodes.HARNESS_ERROR, e.getMessage());
        }
    }
}
