package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.process.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs in another language, described by a manifest, are graded like the built-in targets (the Python examples,
 * exercise by exercise: {@link PythonExamplesTests}).
 */
class ManifestTargetsTests {

    private static final Path HOME = Targets.home().orElseThrow();

    @Test
    void programsMissingFromTheManifestAreNotSubmitted(@TempDir Path dir) throws IOException {
        assumeTrue(onPath("python3"), "python3 is not installed");
        Path manifest = dir.resolve("partial.properties");
        Files.writeString(manifest, "# only the sockets server\nsockets.server = python3 "
                + HOME.resolve("examples/python/sockets/server.py") + "\n");

        GradeReport report = SelfCheck.grade(Targets.resolve(manifest.toString()), List.of("sockets", "echo"));

        assertThat(report.outcomesOf("sockets")).filteredOn(o -> o.program().id().equals("server"))
                .allSatisfy(o -> assertThat(o.verdict()).isEqualTo(Verdict.PASS));
        assertThat(report.outcomesOf("sockets")).filteredOn(o -> o.program().id().equals("client"))
                .allSatisfy(o -> assertThat(o.verdict()).isEqualTo(Verdict.NOT_SUBMITTED));
        assertThat(report.outcomesOf("echo")).allSatisfy(o -> assertThat(o.verdict()).isEqualTo(Verdict.NOT_SUBMITTED));
        assertThat(report.score()).isEqualTo(18);
        assertThat(report.maxScore()).isEqualTo(48);
    }

    static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
