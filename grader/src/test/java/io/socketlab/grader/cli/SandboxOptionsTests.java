package io.socketlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Where a sandbox cannot work, {@code grade} says why in one line and exits 2, grading nothing: it never falls back
 * to running programs without isolation. The tools are stand-ins that fail as a machine without them would.
 */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class SandboxOptionsTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @AfterEach
    void restoreTheTools() {
        System.clearProperty("socketlab.bwrap");
        System.clearProperty("socketlab.docker");
    }

    @Test
    void nsWhereBubblewrapCannotMakeNamespacesRefusesInOneLine() throws IOException {
        // As on Ubuntu 24.04 for a user whose user namespaces AppArmor restricts.
        System.setProperty("socketlab.bwrap", tool("bwrap", """
                [ "$1" = --version ] && { echo "bubblewrap 0.9.0"; exit 0; }
                echo "bwrap: setting up uid map: Permission denied" >&2; exit 1
                """).toString());

        assertThat(run("grade", "--target", "reference", "--exercises", "sockets", "--sandbox", "ns"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("socketlab-grader: --sandbox ns cannot isolate programs here: bubblewrap cannot make"
                        + " namespaces here: bwrap: setting up uid map: Permission denied");
        assertThat(out.toString()).as("nothing was graded").isEmpty();
    }

    @Test
    void nsWithAnOldBubblewrapRefusesSayingWhichIsNeeded() throws IOException {
        System.setProperty("socketlab.bwrap", tool("bwrap", "echo \"bubblewrap 0.4.0\"\n").toString());

        assertThat(run("grade", "--target", "reference", "--exercises", "sockets", "--sandbox", "ns"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("bubblewrap 0.8 or later is needed, this is bubblewrap 0.4.0");
    }

    @Test
    void dockerWithoutAnEngineRefusesSayingWhy() throws IOException {
        System.setProperty("socketlab.docker", tool("docker", """
                echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock." >&2; exit 1
                """).toString());

        assertThat(run("grade", "--target", "reference", "--exercises", "sockets", "--sandbox", "docker"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString().lines()).singleElement().asString().isEqualTo("socketlab-grader: --sandbox docker"
                + " needs a running Docker engine: `docker info` failed: Cannot connect to the Docker daemon at"
                + " unix:///var/run/docker.sock.");
        assertThat(out.toString()).as("nothing was graded").isEmpty();
    }

    @Test
    void dockerWithoutTheImageRefusesSayingHowToBuildIt() throws IOException {
        System.setProperty("socketlab.docker", tool("docker", """
                [ "$1" = info ] && { echo "20.10.24"; exit 0; }
                echo "Error: No such image: socketlab/runner" >&2; exit 1
                """).toString());

        assertThat(run("grade", "--target", "reference", "--exercises", "sockets", "--sandbox", "docker"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("--sandbox docker cannot run: image socketlab/runner is not available"
                + " locally (build it first, e.g. with .ci/build-runner-image.sh; grading never pulls)");
    }

    @Test
    void anUnknownLimitIsAUsageErrorNamingTheKnownOnes() {
        assertThat(run("grade", "--target", "reference", "--exercises", "sockets", "--sandbox", "ns",
                "--limit", "memory=1g,disk=1g")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("unknown limit 'disk' (names: memory, pids, cpu, fsize, nofile, cpus)");
    }

    private Path tool(String name, String body) throws IOException {
        Path tool = dir.resolve(name);
        Files.writeString(tool, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tool;
    }

    private int run(String... args) {
        var commandLine = GraderCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
