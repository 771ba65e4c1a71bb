package io.socketlab.grader.cli;

import io.socketlab.grader.classreport.ClassReport;
import io.socketlab.grader.classreport.ClassReport.NameFrom;
import io.socketlab.grader.classreport.ClassReportWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code class-report}: merges many students' results.json into a gradebook, pass rates, a histogram and a summary. */
@Command(name = "class-report", mixinStandardHelpOptions = true,
        description = "For instructors: merges students' results.json into class.csv (gradebook), tests.csv "
                + "(pass rate per test, lowest first), histogram.png and class.md.")
final class ClassReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for class.csv, tests.csv, histogram.png and class.md (created if missing).")
    Path out;

    @Option(names = "--name-from", defaultValue = "parent", paramLabel = "parent|file", converter = NameFromConverter.class,
            description = "Where a student's name comes from: parent, the folder holding the file "
                    + "(grades/alice/results.json is alice), or file, the file name without extension "
                    + "(alice.json is alice; folders are then searched for every *.json). Default: ${DEFAULT-VALUE}.")
    NameFrom nameFrom;

    @Parameters(arity = "1..*", paramLabel = "RESULTS",
            description = "results.json files, or folders searched recursively for them.")
    List<Path> results;

    @Override
    public Integer call() {
        ClassReport report;
        try {
            report = ClassReport.load(results, nameFrom);
        } catch (IllegalArgumentException e) {
            return fail(ExitCodes.USAGE, e.getMessage());
        }
        try {
            ClassReportWriter.write(report, out);
        } catch (UncheckedIOException e) {
            return fail(ExitCodes.HARNESS_ERROR, e.getMessage());
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "class-report: merged %d students into %s (%s)%n",
                report.students().size(), out, String.join(", ", ClassReportWriter.FILES));
        spec.commandLine().getOut().flush();
        return ExitCodes.FULL_MARKS;
    }

    private int fail(int exitCode, String message) {
        spec.commandLine().getErr().println("socketlab-grader: " + message);
        spec.commandLine().getErr().flush();
        return exitCode;
    }

    /** Accepts {@code parent} and {@code file} in any case. */
    static final class NameFromConverter implements CommandLine.ITypeConverter<NameFrom> {
        @Override
        public NameFrom convert(String value) {
            try {
                return NameFrom.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected parent or file, got '" + value + "'");
            }
        }
    }
}
