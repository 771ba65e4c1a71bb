package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.cli.ExitCodes;
import io.socketlab.grader.process.DockerSandbox;
import io.socketlab.grader.selfcheck.SandboxedGrading.Graded;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The sandboxes change nothing for a correct program: the reference and the independent Python implementation score
 * full marks in them, and the untouched template scores 0, quickly. Under ns the reference is graded on every
 * exercise, the Python implementation (which submits no project) on a subset covering TCP, framing, HTTP and UDP
 * through the lossy relay; under docker, where every program start is a container, smaller subsets of the same.
 */
// Isolated: the sessions' timing-sensitive tests (throughput, latency) need the machine's cores.
@Isolated
@Timeout(1200)
class SandboxGradingTests {

    @TempDir
    Path out;

    @AfterEach
    void noContainerOutlivesItsSession() throws Exception {
        if (DockerSandbox.available()) {
            assertThat(SandboxedGrading.leftoverContainers()).as("containers left behind").isEmpty();
        }
    }

    @Test
    void theReferenceGetsFullMarksOnEveryExerciseInNamespaces() throws Exception {
        expectFullMarks("ns", "--target", "reference");
    }

    @Test
    void thePythonImplementationGetsFullMarksInNamespaces() throws Exception {
        expectFullMarks("ns", "--target", python(), "--exercises", "sockets,echo,serialization,http,udp-stream");
    }

    @Test
    void theTemplateScoresZeroQuicklyInNamespaces() throws Exception {
        Graded graded = grade("ns", "--target", "student");

        assertThat(graded.score()).as(graded.describe()).isZero();
        assertThat(graded.exit()).isEqualTo(ExitCodes.POINTS_LOST);
        assertThat(graded.took()).isLessThan(Duration.ofMinutes(4));
    }

    @Test
    void theReferenceGetsFullMarksInContainers() throws Exception {
        expectFullMarks("docker", "--target", "reference", "--exercises", "sockets,echo,udp-stream");
    }

    @Test
    void thePythonImplementationGetsFullMarksInContainers() throws Exception {
        expectFullMarks("docker", "--target", python(), "--exercises", "sockets,serialization");
    }

    @Test
    void theTemplateScoresZeroInContainers() throws Exception {
        Graded graded = grade("docker", "--target", "student", "--exercises", "sockets,echo,http");

        assertThat(graded.score()).as(graded.describe()).isZero();
        assertThat(graded.exit()).isEqualTo(ExitCodes.POINTS_LOST);
    }

    /** Grades in {@code mode} with {@code arguments} and fails unless every point is won. */
    private void expectFullMarks(String mode, String... arguments) throws Exception {
        Graded graded = grade(mode, arguments);

        assertThat(graded.exit()).as(graded.describe()).isEqualTo(ExitCodes.FULL_MARKS);
    }

    /** Grades with {@code arguments} in {@code mode} (skipped, or failed in CI, where it cannot run). */
    private Graded grade(String mode, String... arguments) throws Exception {
        SandboxedGrading.assumeAvailable(mode);
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--sandbox", mode, "--seed", "5"));
        return SandboxedGrading.grade(out, all.toArray(String[]::new));
    }

    private static String python() {
        return SandboxedGrading.repository().resolve("examples/python/socketlab.properties").toString();
    }
}
