package io.socketlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.grader.process.DockerSandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * {@code grade --sandbox docker} for real: the reference graded on {@code sockets} with every program in a container.
 * Needs a Docker engine and the image present locally; skipped, saying so, where there is none (CI, most laptops).
 */
@Timeout(600)
class DockerSandboxGradingTests {

    @Test
    void theReferenceGetsFullMarksOnSocketsInsideContainersAndNoContainerOutlivesTheRun() throws Exception {
        assumeTrue(DockerSandbox.available(), "Docker engine not available: sandbox test skipped");
        assumeTrue(DockerSandbox.imageMissingBecause(DockerSandbox.DEFAULT_IMAGE).isEmpty(),
                "Docker image " + DockerSandbox.DEFAULT_IMAGE + " not present (docker pull it): sandbox test skipped");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = GraderCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("grade", "--target", "reference", "--exercises", "sockets",
                "--sandbox", "docker", "--seed", "6");

        assertThat(exit).as("exit code; output:%n%s%n%s", out, err).isEqualTo(ExitCodes.FULL_MARKS);
        assertThat(leftoverContainers()).as("containers left by the session").isEmpty();
    }

    private static String leftoverContainers() throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("docker", "ps", "-a", "-q", "--filter", "label=socketlab.session")
                .redirectErrorStream(true).start();
        String listed = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(ps.waitFor(30, TimeUnit.SECONDS)).as("docker ps answered").isTrue();
        return listed;
    }
}
