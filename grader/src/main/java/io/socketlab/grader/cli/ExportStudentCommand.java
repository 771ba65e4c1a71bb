package io.socketlab.grader.cli;

import io.socketlab.grader.export.StudentExport;
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
                + "README), without the reference and without any grader source. With --language python: the files of "
                + "student-template-python/ (programs, manifest, unit tests) instead of the Java template and pom.",
                "With --compare FORK, writes nothing and prints the protected files (workflows, specs, the poms, "
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

    @CommandLine.Mixin
    HarnessOption harness;

    @CommandLine.Mixin
    PinOptions pinOptions;

    @Option(names = "--language", paramLabel = "LANGUAGE", defaultValue = "java",
            converter = LanguageConverter.class,
            description = "The students' language: java (student-template/, default) or python "
                    + "(student-template-python/, graded through its socketlab.properties).")
    StudentExport.Language language;

    /** {@code java} or {@code python}, as the workflow's {@code SOCKETLAB_LANGUAGE} spells them. */
    static final class LanguageConverter implements CommandLine.ITypeConverter<StudentExport.Language> {
        @Override
        public StudentExport.Language convert(String value) {
            for (StudentExport.Language language : StudentExport.Language.values()) {
                if (language.id().equals(value)) {
                    return language;
                }
            }
            throw new CommandLine.TypeConversionException("expected java or python, got '" + value + "'");
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StudentExport export;
        try {
            export = new StudentExport(harness.root(), pinOptions.pins(), StudentExport.Platform.GITHUB_ACTIONS,
                    language);
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
            return Commands.fail(spec, ExitCodes.USAGE, e.getMessage());
        } catch (UncheckedIOException e) {
            return Commands.fail(spec, ExitCodes.HARNESS_ERROR, e.getMessage());
        }
        out.flush();
        return ExitCodes.FULL_MARKS;
    }
}
