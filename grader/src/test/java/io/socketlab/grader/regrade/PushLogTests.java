package io.socketlab.grader.regrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.socketlab.grader.regrade.PushLog.Push;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub's record of pushes, read from its REST API's repository activity, as its published schema has it. */
class PushLogTests {

    private static final Instant DEADLINE = Instant.parse("2026-10-16T04:59:59Z");

    static String activity(String before, String after, String ref, String timestamp, String type) {
        return "{\"id\":1,\"node_id\":\"RA_1\",\"before\":\"" + before + "\",\"after\":\"" + after + "\",\"ref\":\""
                + ref + "\",\"timestamp\":\"" + timestamp + "\",\"activity_type\":\"" + type
                + "\",\"actor\":{\"login\":\"student\"}}";
    }

    @Test
    void theLastPushToTheBranchBeforeTheDeadlineDecides(@TempDir Path dir) throws Exception {
        String a = "a".repeat(40);
        String b = "b".repeat(40);
        String c = "c".repeat(40);
        // Newest first, in two pages one after the other, as `gh api --paginate` prints them.
        Path file = Files.writeString(dir.resolve("pushes.json"), "[" + activity(b, c, "refs/heads/main",
                "2026-10-16T09:00:00Z", "force_push") + "," + activity(a, "0".repeat(40), "refs/heads/other",
                "2026-10-15T00:00:00Z", "branch_deletion") + "]\n[" + activity(a, b, "refs/heads/main",
                "2026-10-15T20:00:00Z", "push") + "," + activity("0".repeat(40), a, "refs/heads/main",
                "2026-10-01T10:00:00Z", "branch_creation") + "]\n");

        List<Push> pushes = PushLog.read(file);

        assertThat(pushes).hasSize(4);
        assertThat(PushLog.lastBefore(pushes, "refs/heads/main", DEADLINE)).map(Push::after).contains(b);
        assertThat(PushLog.after(pushes, "refs/heads/main", DEADLINE)).extracting(Push::after).containsExactly(c);
        assertThat(PushLog.lastBefore(pushes, "refs/heads/main", Instant.parse("2026-09-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void aFileThatIsNotActivityIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pushes.json"), "{\"message\":\"Not Found\"}");
        assertThatThrownBy(() -> PushLog.read(file)).hasMessageContaining("is not GitHub's repository activity");
    }

    @Test
    void everyPageOfTheActivityIsFetchedWithTheTokenInItsHeader(@TempDir Path dir) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> seen = new CopyOnWriteArrayList<>();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/repos/uni/echo-alice/activity", exchange -> {
            seen.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            boolean first = !exchange.getRequestURI().getQuery().contains("page=2");
            String body = "[" + activity("a".repeat(40), (first ? "c" : "b").repeat(40), "refs/heads/main",
                    first ? "2026-10-16T09:00:00Z" : "2026-10-15T20:00:00Z", "push") + "]";
            if (first) {
                exchange.getResponseHeaders().add("Link", "<" + base
                        + "/repos/uni/echo-alice/activity?per_page=100&ref=refs/heads/main&page=2>; rel=\"next\"");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            Path file = dir.resolve("alice.pushes.json");
            new GitHubActivity(base, "s3cret", Duration.ofSeconds(10)).fetch("uni/echo-alice", "refs/heads/main", file);

            assertThat(seen).containsExactly(
                    "/repos/uni/echo-alice/activity?per_page=100&ref=refs/heads/main Bearer s3cret",
                    "/repos/uni/echo-alice/activity?per_page=100&ref=refs/heads/main&page=2 Bearer s3cret");
            assertThat(PushLog.read(file)).extracting(Push::after).containsExactly("c".repeat(40), "b".repeat(40));
            assertThat(GitHubActivity.ownerAndName("https://github.com/uni/echo-alice.git")).contains("uni/echo-alice");
            assertThat(GitHubActivity.ownerAndName("/srv/repos/alice")).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anErrorFromTheApiIsOneLineAndLeavesNoFile(@TempDir Path dir) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            Path file = dir.resolve("bob.pushes.json");
            assertThatThrownBy(() -> new GitHubActivity("http://127.0.0.1:" + server.getAddress().getPort(), null,
                    Duration.ofSeconds(10)).fetch("uni/echo-bob", "refs/heads/main", file))
                    .hasMessage("GitHub's activity of uni/echo-bob answered HTTP 404");
            assertThat(file).doesNotExist();
        } finally {
            server.stop(0);
        }
    }
}
