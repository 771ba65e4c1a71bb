package io.socketlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code grade --coverage}: the JaCoCo agent rides along with a Java target's programs and a report comes out. */
class GradeCoverageTests {

    private final StringWriter out = new StringWriter();

    @Test
    void gradingTheReferenceWithCoverageReportsTheSocketsLinesItRan(@TempDir Path reports) throws IOException {
        int exit = run("grade", "--target", "reference", "--exercises", "sockets", "--coverage",
                "--out", reports.toString());

        assertThat(exit).as(out.toString()).isEqualTo(ExitCodes.FULL_MARKS);
        Path coverage = reports.resolve("coverage");
        assertThat(coverage.resolve("index.html")).isRegularFile();
        // The annotated sources are there: a student sees which of their lines ran.
        assertThat(coverage.resolve("io.socketlab.reference.sockets/SocketsSession.java.html")).isRegularFile();
        String xml = Files.readString(coverage.resolve("jacoco.xml"), StandardCharsets.UTF_8);
        Matcher sockets = Pattern.compile("<package name=\"io/socketlab/reference/sockets\">.*?</package>",
                Pattern.DOTALL).matcher(xml);
        assertThat(sockets.find()).as("the sockets package is in jacoco.xml").isTrue();
        assertThat(coveredLines(sockets.group())).isGreaterThan(50);
        // The server ran too: its lines are taken before SIGTERM, whatever its shutdown hook does.
        Matcher server = Pattern.compile("<class name=\"io/socketlab/reference/sockets/SocketsSession\".*?</class>",
                Pattern.DOTALL).matcher(sockets.group());
        assertThat(server.find()).isTrue();
        assertThat(coveredLines(server.group())).isGreaterThan(10);
        // Only the graded exercise (and the shared helpers) are analysed.
        assertThat(xml).doesNotContain("io/socketlab/reference/echo");
        assertThat(out.toString()).containsPattern("Coverage of reference: lines \\d+/\\d+ \\(\\d+\\.\\d %\\), branches")
                .contains("report: " + coverage.resolve("index.html"));
    }

    @Test
    void aManifestTargetGetsANoteInsteadOfCoverage(@TempDir Path dir) throws IOException {
        Path manifest = Files.writeString(dir.resolve("socketlab.properties"), "chat.server = ./server\n");
        Path reports = dir.resolve("reports");
        // An exercise the manifest does not submit: graded as not submitted, at once.
        run("grade", "--target", manifest.toString(), "--exercises", "sockets", "--coverage", "--out", reports.toString());

        assertThat(out.toString()).contains("--coverage: coverage is measured only for Java targets");
        assertThat(reports.resolve("coverage")).doesNotExist();
    }

    /** The covered lines of a package or class element: its own counter comes last, after its children's. */
    private static int coveredLines(String elementXml) {
        Matcher counter = Pattern.compile("<counter type=\"LINE\" missed=\"\\d+\" covered=\"(\\d+)\"/>")
                .matcher(elementXml);
        int covered = -1;
        while (counter.find()) {
            covered = Integer.parseInt(counter.group(1));
        }
        return covered;
    }

    private int run(String... args) {
        CommandLine commandLine = GraderCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        return commandLine.execute(args);
    }
}
