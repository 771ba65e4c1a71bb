package io.socketlab.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.socketlab.grader.model.Program;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ManifestTargetTests {

    /** Prints its process id, then each argument it received in brackets, one a line. */
    private static final String PRINT_ARGUMENTS = """
            #!/bin/sh
            echo "pid $$"
            for argument in "$@"; do
              printf '[%s]\\n' "$argument"
            done
            """;

    @TempDir
    Path dir;

    @Test
    void runsASimpleCommandThroughExecSoSignalsReachTheProgram() throws IOException {
        ManifestTarget target = load("echo.server = python3 echo/server.py\n");

        ProgramCommand server = target.program("echo", Program.SERVER).orElseThrow();

        assertThat(server.command()).containsExactly("/bin/sh", "-c", "exec python3 echo/server.py \"$@\"", "sh");
        assertThat(server.description()).isEqualTo("python3 echo/server.py");
    }

    @Test
    void runsACommandWithShellSyntaxWithoutExec() throws IOException {
        ManifestTarget target = load("sockets.client = cd sockets && ./client --verbose\n");

        ProgramCommand client = target.program("sockets", Program.CLIENT).orElseThrow();

        assertThat(client.command())
                .containsExactly("/bin/sh", "-c", "cd sockets && ./client --verbose \"$@\"", "sh");
    }

    @Test
    void runsEveryProgramFromTheManifestsFolder() throws IOException {
        ManifestTarget target = load("echo.client = node client.js\n");

        assertThat(target.program("echo", Program.CLIENT).orElseThrow().workingDir()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(target.name()).isEqualTo(dir.toAbsolutePath().normalize().resolve("manifest.properties").toString());
    }

    @Test
    void aProgramTheManifestDoesNotListIsNotSubmitted() throws IOException {
        ManifestTarget target = load("echo.server = ./server\necho.client =   \n");

        assertThat(target.program("echo", Program.CLIENT)).as("blank command").isEmpty();
        assertThat(target.program("sockets", Program.SERVER)).as("missing key").isEmpty();
        assertThat(target.program("echo", Program.SERVER)).isPresent();
    }

    @Test
    void aMissingManifestIsTheUsersMistakeWithItsPath() {
        Path missing = dir.resolve("nope/manifest.properties");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ManifestTarget.load(missing))
                .withMessage("manifest not found: " + missing.toAbsolutePath());
    }

    @Test
    void aSimpleCommandReceivesTheAppendedArgumentsVerbatimAndIsTheProcessItself() throws IOException {
        script("print-args.sh");
        ManifestTarget target = load("echo.client = ./print-args.sh fixed\n");

        try (RunningProgram program = launch(target, List.of("--host", "127.0.0.1", "two  spaces",
                "it's \"quoted\"", "$HOME; `date`", ""))) {
            String out = stdoutAfterExit(program);

            assertThat(out.lines()).containsExactly("pid " + program.pid(), "[fixed]", "[--host]", "[127.0.0.1]",
                    "[two  spaces]", "[it's \"quoted\"]", "[$HOME; `date`]", "[]");
        }
    }

    @Test
    void aCommandWithShellSyntaxReceivesTheAppendedArgumentsVerbatimToo() throws IOException {
        Files.createDirectory(dir.resolve("client"));
        script("client/print-args.sh");
        ManifestTarget target = load("echo.client = cd client && ./print-args.sh fixed\n");

        try (RunningProgram program = launch(target, List.of("--port", "4000", "a b", "\"c\""))) {
            assertThat(stdoutAfterExit(program).lines())
                    .containsSequence("[fixed]", "[--port]", "[4000]", "[a b]", "[\"c\"]");
        }
    }

    private ManifestTarget load(String manifest) throws IOException {
        Path file = dir.resolve("manifest.properties");
        Files.writeString(file, manifest, StandardCharsets.UTF_8);
        return ManifestTarget.load(file);
    }

    private void script(String relativePath) throws IOException {
        Path file = dir.resolve(relativePath);
        Files.writeString(file, PRINT_ARGUMENTS, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private RunningProgram launch(ManifestTarget target, List<String> arguments) {
        ProgramCommand client = target.program("echo", Program.CLIENT).orElseThrow();
        return new ProgramLauncher(dir.resolve("tmp"), Duration.ofSeconds(2), 64 * 1024)
                .start("client", client, arguments);
    }

    private static String stdoutAfterExit(RunningProgram program) {
        assertThat(program.awaitExit(Duration.ofSeconds(20))).as("exit code").hasValue(0);
        return program.stdout().text();
    }
}
