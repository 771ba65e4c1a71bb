package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socketlab.grader.process.Sandbox;
import io.socketlab.grader.selfcheck.SandboxedGrading.Graded;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hostile programs of {@code grader/src/test/resources/io/socketlab/grader/hostile/}, graded in each sandbox
 * where the act means something: each gets a bounded, clear verdict, and afterwards nothing of it is left: no process,
 * no container, nothing written outside its work folder, the report folder untouched. Under docker, whose isolation
 * of the setsid daemon, the SIGTERM-ignoring child and the grader's files comes from the same mechanisms (a PID
 * namespace, the mounts) as for their siblings, one program of each kind is graded, to keep CI short.
 */
// Isolated: a fork bomb or a memory hog beside another class's timing-sensitive tests (pacing, throughput) would
// make them fail for nothing; and it looks for leftover containers on the whole engine.
@Isolated
@Timeout(300)
class HostileSandboxTests {

    private static final String SERVER = "server";
    private static final String CLIENT = "client";

    @TempDir
    Path dir;

    private final String marker = "socketlab-hostile-" + UUID.randomUUID();
    private final List<Runnable> cleanups = new ArrayList<>();

    @AfterEach
    void nothingOfItIsLeft() {
        cleanups.forEach(Runnable::run);
        SandboxedGrading.awaitNoProcessWith(marker);
    }

    @AfterAll
    static void noContainerIsLeft() throws Exception {
        if (io.socketlab.grader.process.DockerSandbox.available()) {
            assertThat(SandboxedGrading.leftoverContainers()).as("containers left behind").isEmpty();
        }
    }

    /**
     * A server that leaves offspring behind (a double-forked daemon, a setsid(1) daemon, a child sleeping past
     * SIGTERM; each holding a port) still gets full marks, and nothing of it outlives grading. Not under none: a
     * child whose parent exits first (a server refusing to start) is re-parented out of its reach.
     */
    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({"daemon_double_fork.py, ns", "daemon_double_fork.py, docker", "daemon_setsid.py, ns",
            "sigterm_child.py, ns"})
    void aServerLeavingOffspringStillGetsFullMarksAndNothingOfItOutlivesGrading(String script, String mode)
            throws Exception {
        Graded graded = grade(script, SERVER, mode);

        assertThat(graded.of(SERVER)).as(graded.describe()).isNotEmpty()
                .allSatisfy(test -> assertThat(test.path("verdict").asText()).isEqualTo("PASS"));
    }

    /**
     * A server that runs into a limit before it listens (a fork bomb, 4 GiB of memory, a 10 GiB file) fails its
     * baseline, in bounded time, with the limit named; the file goes with the program's folder.
     */
    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource(delimiter = '|', value = {
            "fork_bomb.py   | ns     | it reached the sandbox's limit of 256 processes and threads",
            "fork_bomb.py   | docker | it reached the sandbox's limit of 256 processes and threads",
            "memory_hog.py  | ns     | killed by the sandbox: it used more than 512 MiB of memory",
            "memory_hog.py  | docker | killed by the sandbox: it used more than 512 MiB of memory",
            "big_file.py    | ns     | stopped by the sandbox: it wrote a file of more than 256 MiB",
            "big_file.py    | docker | stopped by the sandbox: it wrote a file of more than 256 MiB"})
    void aServerRunningIntoALimitFailsItsBaselineInBoundedTimeNamingTheLimit(String script, String mode,
                                                                             String named) throws Exception {
        Graded graded = grade(script, SERVER, mode);

        JsonNode baseline = graded.of(SERVER).get(0);
        assertThat(baseline.path("verdict").asText()).as(graded.describe()).isEqualTo("FAIL");
        assertThat(baseline.path("output").asText()).contains(named);
        assertThat(graded.took()).isLessThan(Duration.ofSeconds(90));
        try (Stream<Path> sessions = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(sessions.filter(p -> p.getFileName().toString().startsWith("socketlab-"))
                    .filter(p -> holds(p, marker + ".bin")))
                    .as("a file the program wrote goes with the program's folder").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "ns", "docker"})
    void aClientSeesOnlyLoopbackAndReachesNothingElse(String mode) throws Exception {
        Optional<InetAddress> address = nonLoopbackAddress();
        AtomicInteger reached = new AtomicInteger();
        Map<String, Object> outside = new LinkedHashMap<>();
        if (address.isPresent()) {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(address.get(), 0));
            Thread acceptor = new Thread(() -> {
                try (listener) {
                    while (true) {
                        try (Socket ignored = listener.accept()) {
                            reached.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    // closed by the cleanup
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            cleanups.add(() -> closeQuietly(listener));
            outside.put("outside", address.get().getHostAddress() + ":" + listener.getLocalPort());
        }

        Graded graded = grade("network_lister.py", CLIENT, mode, outside);

        if (mode.equals("none")) {
            assertThat(graded.of(CLIENT).get(0).path("output").asText()).as(graded.describe()).contains("ESCAPED");
        } else {
            assertThat(graded.of(CLIENT)).as(graded.describe()).isNotEmpty()
                    .allSatisfy(test -> assertThat(test.path("verdict").asText()).isEqualTo("PASS"));
            assertThat(reached).as("connections from the sandbox to " + outside).hasValue(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "ns"})
    void aClientCannotReadTheGradersFiles(String mode) throws Exception {
        Graded graded = grade("grader_reader.py", CLIENT, mode);

        if (mode.equals("none")) {
            assertThat(graded.of(CLIENT).get(0).path("output").asText()).as(graded.describe()).contains("ESCAPED read");
        } else {
            assertThat(graded.of(CLIENT)).as(graded.describe()).isNotEmpty()
                    .allSatisfy(test -> assertThat(test.path("verdict").asText()).isEqualTo("PASS"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "ns", "docker"})
    void aClientCannotForgeTheReportNorWriteTheRepositoryOrItsCode(String mode) throws Exception {
        Graded graded = grade("report_writer.py", CLIENT, mode);

        if (mode.equals("none")) {
            assertThat(graded.of(CLIENT).get(0).path("output").asText()).as(graded.describe()).contains("ESCAPED wrote");
            return;
        }
        assertThat(graded.of(CLIENT)).as(graded.describe()).isNotEmpty()
                .allSatisfy(test -> assertThat(test.path("verdict").asText()).isEqualTo("PASS"));
        assertThat(Files.readString(dir.resolve("target/out/sentinel.txt"))).isEqualTo("the grader's\n");
        try (Stream<Path> written = Files.walk(dir)) {
            assertThat(written.filter(p -> p.getFileName().toString().startsWith("forged-"))).isEmpty();
        }
        assertThat(repositoryFile()).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "ns"})
    void aClientPrintingJunkWithoutNewlinesFailsInBoundedTime(String mode) throws Exception {
        Graded graded = grade("junk_client.py", CLIENT, mode);

        assertThat(graded.of(CLIENT).get(0).path("verdict").asText()).as(graded.describe()).isEqualTo("FAIL");
        assertThat(graded.took()).isLessThan(Duration.ofSeconds(120));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "ns"})
    void aServerFloodingStdoutStillGetsFullMarks(String mode) throws Exception {
        Graded graded = grade("stdout_flood.py", SERVER, mode);

        assertThat(graded.of(SERVER)).as(graded.describe()).isNotEmpty()
                .allSatisfy(test -> assertThat(test.path("verdict").asText()).isEqualTo("PASS"));
    }

    /**
     * Grades {@code script} as the sockets {@code program} of a manifest in {@code dir/target}, next to the correct
     * Python sockets programs and a {@code probe.json} saying what to try, in the sandbox {@code mode}.
     */
    private Graded grade(String script, String program, String mode) throws IOException {
        return grade(script, program, mode, Map.of());
    }

    private Graded grade(String script, String program, String mode, Map<String, Object> more) throws IOException {
        SandboxedGrading.assumeAvailable(mode);
        Path target = Files.createDirectories(dir.resolve("target"));
        try (Stream<Path> scripts = Files.list(SandboxedGrading.resources("io/socketlab/grader/hostile"))) {
            for (Path file : scripts.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        Path examples = SandboxedGrading.repository().resolve("examples/python/sockets");
        Files.copy(examples.resolve("server.py"), target.resolve("server.py"));
        Files.copy(examples.resolve("client.py"), target.resolve("client.py"));
        // The report folder inside the program's own code folder: the sandbox must cover it over there too.
        Path out = Files.createDirectories(target.resolve("out"));
        Files.writeString(out.resolve("sentinel.txt"), "the grader's\n");
        Map<String, Object> probe = new LinkedHashMap<>(more);
        probe.put("marker", marker);
        probe.put("grader_files", graderFiles());
        probe.put("report_dir", out.toString());
        probe.put("report_sentinel", out.resolve("sentinel.txt").toString());
        probe.put("repository_file", repositoryFile().toString());
        Files.writeString(target.resolve("probe.json"), new ObjectMapper().writeValueAsString(probe));
        Path manifest = Files.writeString(target.resolve("socketlab.properties"),
                "sockets." + program + " = python3 " + script + "\n", StandardCharsets.UTF_8);
        cleanups.add(() -> deleteQuietly(repositoryFile()));
        return SandboxedGrading.grade(out, "--target", manifest.toString(), "--exercises", "sockets",
                "--sandbox", mode, "--seed", "11");
    }

    /** The grader's jar, when built, and its sources: what the hidden tests are made of. */
    private static List<String> graderFiles() {
        List<String> files = new ArrayList<>();
        for (Path path : Sandbox.graderFiles()) {
            files.add(path.toString());
            if (Files.isDirectory(path)) {
                files.add(path.resolve("target/socketlab-grader.jar").toString());
                files.add(path.resolve("src/main/java/io/socketlab/grader/suites").toString());
            }
        }
        return files;
    }

    /** A file in the repository (its build folder) that a program must not be able to create. */
    private Path repositoryFile() {
        return SandboxedGrading.repository().resolve("grader/target/" + marker + ".txt");
    }

    private static boolean holds(Path folder, String name) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().equals(name));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** An IPv4 address of this machine that is not loopback, to try to reach from inside a sandbox. */
    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (networkInterface.isUp() && !networkInterface.isLoopback()) {
                for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing to remove
        }
    }
}
