package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.cli.ExitCodes;
import io.socketlab.grader.process.DockerSandbox;
import io.socketlab.grader.selfcheck.SandboxedGrading.Graded;
import java.nio.file.Path;
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
        SandboxedGrading.assumeAvailable("ns");

        Graded graded = SandboxedGrading.grade(out, "--target", "reference", "--sandbox", "ns", "--seed", "5");

        assertThat(graded.exit()).as(graded.describe()).isEqualTo(ExitCodes.FULL_MARKS);
    }

    @Test
    void thePythonImplementationGetsFullMarksInNamespaces() throws Exception {
        SandboxedGrading.assumeAvailable("ns");

        Graded graded = SandboxedGrading.grade(out, "--target", python(), "--sandbox", "ns", "--seed", "5",
                "--exercises", "sockets,echo,serialization,http,udp-stream");

        assertThat(graded.exit()).as(graded.describe()).isEqualTo(ExitCodes.FULL_MARKS);
    }

    @Test
    void theTemplateScoresZeroQuicklyInNamespaces() throws Exception {
        SandboxedGrading.assumeAvailable("ns");

        Graded graded = SandboxedGrading.grade(out, "--target", "student", "--sandbox", "ns", "--seed", "5");

        assertThat(graded.score()).as(graded.describe()).isZero();
        assertThat(graded.exit()).isEqualTo(ExitCodes.POINTS_LOST);
        assertThat(graded.took()).isLessThan(Duration.ofMinutes(4));
    }

    @Test
    void theReferenceGetsFullMarksInContainers() throws Exception {
        SandboxedGrading.assumeAvailable("docker");

        Graded graded = SandboxedGrading.grade(out, "--target", "reference", "--sandbox", "docker", "--seed", "5",
                "--exercises", "sockets,echo,udp-stream");

        assertThat(graded.exit()).as(graded.describe()).isEqualTo(ExitCodes.FULL_MARKS);
    }

    @Test
    void thePythonImplementationGetsFullMarksInContainers() throws Exception {
        SandboxedGrading.assumeAvailable("docker");

        Graded graded = SandboxedGrading.grade(out, "--target", python(), "--sandbox", "docker", "--seed", "5",
                "--exercises", "sockets,serialization");

        assertThat(graded.exit()).as(graded.describe()).isEqualTo(ExitCodes.FULL_MARKS);
    }

    @Test
    void theTemplateScoresZeroInContainers() throws Exception {
        SandboxedGrading.assumeAvailable("docker");

        Graded graded = SandboxedGrading.grade(out, "--target", "student", "--sandbox", "docker", "--seed", "5",
                "--exercises", "sockets,echo,http");

        assertThat(graded.score()).as(graded.describe()).isZero();
        assertThat(graded.exit()).isEqualTo(ExitCodes.POINTS_LOST);
    }

    private static String python() {
        return SandboxedGrading.repository().resolve("examples/python/socketlab.properties").toString();
    }
}
