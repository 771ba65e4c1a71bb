package io.socketlab.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socketlab.grader.model.HarnessException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Servers are small shell scripts: the starter appends {@code --port N}, which they see as $1 and $2. */
@Timeout(90)
class ServerStarterTests {

    private static final Duration SHORT_READINESS = Duration.ofMillis(800);
    private static final Duration GENEROUS_READINESS = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private ServerStarter starter;

    @BeforeEach
    void createStarter() {
        starter = new ServerStarter(new ProgramLauncher(dir.resolve("tmp"), Duration.ofSeconds(2), 64 * 1024),
                new PortAllocator());
    }

    @Test
    void aServerThatExitsAtOnceFailsToStartAsExited() {
        ServerStarter.StartFailure failure = catchThrowableOfType(ServerStarter.StartFailure.class,
                () -> starter.start("server", script("echo \"cannot parse $1 $2\" >&2; exit 3"), List.of(),
                        Readiness.TCP, GENEROUS_READINESS));

        assertThat(failure.exited()).isTrue();
        assertThat(failure).hasMessageMatching("it exited with code 3 before listening on port \\d+");
        assertThat(failure.program().stderr().text()).startsWith("cannot parse --port ");
    }

    @Test
    void aServerThatNeverListensFailsToStartAsStillRunningAndIsStopped() {
        ServerStarter.StartFailure failure = catchThrowableOfType(ServerStarter.StartFailure.class,
                () -> starter.start("server", script("exec sleep 300"), List.of(), Readiness.TCP, SHORT_READINESS));

        assertThat(failure.exited()).as("exited").isFalse();
        assertThat(failure).hasMessageMatching("it did not listen on port \\d+ within .* \\(a TCP socket in LISTEN state\\)");
        assertThat(failure.program().isAlive()).as("still running after the failure").isFalse();
        assertThat(failure.program().privateDir()).doesNotExist();
    }

    @Test
    void aPortTakenEveryTimeIsRetriedOnFreshPortsThenAHarnessError() throws IOException {
        ProgramCommand unlucky = script("echo \"$2\" >> attempts.log;"
                + " echo 'java.net.BindException: Address already in use' >&2; exit 1");

        assertThatExceptionOfType(HarnessException.class)
                .isThrownBy(() -> starter.start("server", unlucky, List.of(), Readiness.TCP, GENEROUS_READINESS))
                .withMessageMatching("port \\d+ was taken 3 times in a row");

        List<String> ports = Files.readAllLines(dir.resolve("attempts.log"));
        assertThat(ports).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aPortHeldByAnotherProgramIsNeverTakenForTheServersAndIsRetriedThenAHarnessError() throws IOException {
        // The server never binds; a program outside its tree (re-parented away) listens on its port for a while, as
        // another grading session's server would.
        ProgramCommand robbed = script("echo \"$2\" >> attempts.log;"
                + " (python3 -c 'import socket, sys, time; s = socket.socket();"
                + " s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind((\"\", int(sys.argv[1])));"
                + " s.listen(); time.sleep(8)' \"$2\" &); exec sleep 300");

        assertThatExceptionOfType(HarnessException.class)
                .isThrownBy(() -> starter.start("server", robbed, List.of(), Readiness.TCP, GENEROUS_READINESS))
                .withMessageMatching("port \\d+ was taken by another program 3 times in a row");

        assertThat(Files.readAllLines(dir.resolve("attempts.log"))).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aServerThatListensOnTheGivenPortIsStartedThere() throws Exception {
        Path source = dir.resolve("Listen.java");
        Files.writeString(source, """
                import java.net.ServerSocket;

                class Listen {
                    public static void main(String[] args) throws Exception {
                        String extra = args[2];
                        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[1]))) {
                            System.out.println("listening, extra " + extra);
                            server.accept();
                        }
                    }
                }
                """, StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProgramCommand listen = new ProgramCommand(List.of(java, source.toString()), dir, "java Listen.java");

        ServerStarter.StartedServer started = starter.start("server", listen, List.of("--verbose"),
                Readiness.TCP, GENEROUS_READINESS);
        try (RunningProgram program = started.program()) {
            assertThat(program.isAlive()).isTrue();
            assertThat(program.commandLine()).endsWith("--port", Integer.toString(started.port()), "--verbose");
            assertThat(Readiness.TCP.isReady(started.port())).isTrue();
        }
        assertThat(started.program().isAlive()).isFalse();
    }

    private ProgramCommand script(String body) {
        return new ProgramCommand(List.of("/bin/sh", "-c", body, "sh"), dir, "a test server");
    }
}
