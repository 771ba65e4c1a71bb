package io.socketlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code export-student} as an instructor and the grade workflow run it. */
class ExportStudentCommandTests {

    private static final String HOME = Path.of(System.getProperty("socketlab.home", ".."))
            .toAbsolutePath().normalize().toString();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void exportsAndSaysWhatItLeftOut() {
        Path students = dir.resolve("students");

        assertThat(run("export-student", "--from", HOME, "--out", students.toString(),
                "--upstream", "uni/socketlab", "--upstream-ref", "v1")).isEqualTo(ExitCodes.FULL_MARKS);

        assertThat(out.toString()).startsWith("export-student: wrote ").endsWith(" files to " + students
                + " (no reference/, no grader sources)\n");
        assertThat(students.resolve("reference")).doesNotExist();
        assertThat(students.resolve("grader")).doesNotExist();
        assertThat(students.resolve("README.md")).content().contains("./grade.sh");
    }

    @Test
    void comparePrintsOneEditedProtectedFilePerLine() throws IOException {
        Path fork = dir.resolve("fork");
        String[] pins = {"--from", HOME, "--upstream", "uni/socketlab", "--upstream-ref", "v1"};
        assertThat(run(concat(new String[] {"export-student", "--out", fork.toString()}, pins))).isZero();
        Files.writeString(fork.resolve("pom.xml"), "<project/>");
        out.getBuffer().setLength(0);

        assertThat(run(concat(new String[] {"export-student", "--compare", fork.toString()}, pins)))
                .isEqualTo(ExitCodes.FULL_MARKS);

        assertThat(out.toString()).isEqualTo("pom.xml\n");
    }

    @Test
    void exportsAndComparesAPythonRepositoryWithLanguagePython() throws IOException {
        Path fork = dir.resolve("fork");
        String[] python = {"--from", HOME, "--upstream", "uni/socketlab", "--upstream-ref", "v1", "--language", "python"};

        assertThat(run(concat(new String[] {"export-student", "--out", fork.toString()}, python))).isZero();
        assertThat(fork.resolve("socketlab.properties")).isRegularFile();
        assertThat(fork.resolve("echo/server.py")).isRegularFile();
        assertThat(fork.resolve("student-template")).doesNotExist();
        assertThat(fork.resolve(".github/workflows/grade.yml")).content().contains("  SOCKETLAB_LANGUAGE: \"python\"\n");
        Files.writeString(fork.resolve("grade.sh"), "exit 0\n");
        Files.writeString(fork.resolve("echo/server.py"), "# the student's work\n");
        out.getBuffer().setLength(0);

        assertThat(run(concat(new String[] {"export-student", "--compare", fork.toString()}, python))).isZero();
        assertThat(out.toString()).isEqualTo("grade.sh\n");
        // Compared as a Java repository, the same fork lacks everything Java students were given.
        out.getBuffer().setLength(0);
        assertThat(run("export-student", "--from", HOME, "--compare", fork.toString())).isZero();
        assertThat(out.toString()).contains("pom.xml\n", "grade.sh\n");
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        assertThat(run("export-student", "--from", HOME, "--out", dir.resolve("x").toString(), "--language", "ruby"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("expected java or python, got 'ruby'");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void outAndCompareAreExclusiveAndOneIsRequired() {
        assertThat(run("export-student", "--from", HOME)).isEqualTo(ExitCodes.USAGE);
        assertThat(run("export-student", "--from", HOME, "--out", "a", "--compare", "b")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void aMalformedPinIsAUsageError() {
        assertThat(run("export-student", "--from", HOME, "--out", dir.resolve("x").toString(),
                "--grader-sha256", "0xBAD")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).isEqualTo("socketlab-grader: --grader-sha256 must be 64 lowercase hex digits,"
                + " got '0xBAD'\n");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private int run(String... args) {
        CommandLine commandLine = GraderCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
