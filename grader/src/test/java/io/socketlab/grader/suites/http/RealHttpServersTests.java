package io.socketlab.grader.suites.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.probe.Transcript;
import io.socketlab.grader.process.Targets;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The malformed-request corpus is fair to real servers no one here wrote: docs/http-malformed-requests.md says, for
 * each case and each of nginx, lighttpd, Python's http.server and the JDK's jwebserver, whether the server's answer
 * is accepted; each server installed here is started through its wrapper in bench/real-http-servers/ and must do
 * exactly what the table says. A server the table shows losing a case breaks the RFC section the table cites; when
 * a server starts passing or failing otherwise, either the corpus or the table is wrong. A lost cell that says "a
 * reset may hide it" may also pass: the server closes on unread bytes, and the reset can destroy its answer before
 * it is read. Servers not installed are skipped (CI installs nginx and lighttpd; jwebserver needs JDK 18 or later).
 */
class RealHttpServersTests {

    private static final Path HOME = Targets.home().orElseThrow();
    private static final Path TABLE = HOME.resolve("docs/http-malformed-requests.md");
    private static final Path WRAPPERS = HOME.resolve("bench/real-http-servers");

    /** Each row of the documented table: the case's name, then one cell per column (header cells as keys). */
    private static Map<String, Map<String, String>> documentedRows() throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        List<String> header = null;
        for (String line : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
            if (!line.startsWith("| ")) {
                header = null;
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(2, line.length() - 2).split(" \\| ", -1))
                    .map(String::strip).toList();
            if (header == null) {
                header = cells;
            } else if (cells.get(0).startsWith("`")) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i < cells.size(); i++) {
                    row.put(header.get(i), cells.get(i));
                }
                rows.put(cells.get(0).substring(1, cells.get(0).length() - 1), row);
            }
        }
        return rows;
    }

    @Test
    void theTableListsEveryCaseWithItsSection() throws IOException {
        Map<String, Map<String, String>> rows = documentedRows();
        List<MalformedRequests.Case> corpus = MalformedRequests.all();
        assertThat(rows.keySet()).containsExactlyElementsOf(corpus.stream().map(c -> c.name().en()).toList());
        for (MalformedRequests.Case malformed : corpus) {
            assertThat(rows.get(malformed.name().en()).get("RFC")).as(malformed.name().en()).isEqualTo(malformed.rfc());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nginx", "lighttpd", "python-http-server", "jwebserver"})
    void eachServerAnswersAsTheTableSays(String server, @TempDir Path work) throws Exception {
        assumeTrue(installed(server), server + " is not installed here: its column of the table is not checked");
        Path root = Files.createDirectories(work.resolve("root"));
        Files.writeString(root.resolve("hello.txt"), Site.HELLO);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, Map<String, String>> rows = documentedRows();
        List<String> differences = new ArrayList<>();
        try (Running running = Running.start(server, port, root, work)) {
            for (MalformedRequests.Case malformed : MalformedRequests.all()) {
                Optional<String> lost = answer(port, malformed);
                String documented = rows.get(malformed.name().en()).get(server);
                boolean racy = documented.contains("a reset may hide it");
                if (lost.isPresent() != documented.startsWith("✗") && !(racy && lost.isEmpty())) {
                    differences.add(malformed.name().en() + ": the table says " + documented + ", the server "
                            + lost.map(got -> "lost it: " + got).orElse("passed it"));
                }
            }
        }
        assertThat(differences).as("cases where " + server + " does not answer as docs/http-malformed-requests.md says")
                .isEmpty();
    }

    /** What the server sent when the case is lost, empty when its answer is accepted. */
    private static Optional<String> answer(int port, MalformedRequests.Case malformed) throws IOException {
        try (TcpProbe probe = TcpProbe.connect("127.0.0.1", port, new Transcript(), Timeouts.DEFAULT)) {
            MalformedRequests.expectAnswered(probe, malformed, Duration.ofSeconds(3));
            return Optional.empty();
        } catch (ConformanceFailure failure) {
            return Optional.of(failure.detail(null).actual().en());
        }
    }

    private static boolean installed(String server) {
        return switch (server) {
            case "nginx" -> onPath("nginx");
            case "lighttpd" -> onPath("lighttpd");
            case "python-http-server" -> onPath("python3");
            default -> Files.isExecutable(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/jwebserver"))
                    || onPath("jwebserver");
        };
    }

    private static boolean onPath(String command) {
        List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        folders.add("/usr/sbin");
        return folders.stream().anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }

    /** A real server started through its wrapper; closing it stops the server and whatever it started. */
    private record Running(Process process) implements AutoCloseable {

        static Running start(String server, int port, Path root, Path work) throws IOException {
            Path log = work.resolve(server + ".log");
            ProcessBuilder builder = new ProcessBuilder(WRAPPERS.resolve(server + ".sh").toString(),
                    "--port", Integer.toString(port), "--root", root.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("SOCKETLAB_WORKDIR", Files.createDirectories(work.resolve("private")).toString());
            Running running = new Running(builder.start());
            try {
                Awaitility.await(server + " listening on port " + port).atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100)).until(() -> {
                            if (!running.process.isAlive()) {
                                throw new IllegalStateException(server + " exited: " + Files.readString(log));
                            }
                            try (Socket socket = new Socket("127.0.0.1", port)) {
                                return true;
                            } catch (IOException refused) {
                                return false;
                            }
                        });
            } catch (RuntimeException notReady) {
                running.close();
                throw notReady;
            }
            return running;
        }

        @Override
        public void close() {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
