package io.socketlab.reference.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference server as curl sees it. */
class HttpCurlTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path folder;
    @TempDir
    Path work;

    private Path curl;
    private TestSite site;

    @BeforeEach
    void start() throws Exception {
        curl = ExternalProgram.find("curl");
        assumeTrue(curl != null, "curl not installed: curl test skipped");
        site = TestSite.serve(folder);
    }

    @AfterEach
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void fetchesThreeFilesOverOneConnection() throws Exception {
        List<String> command = curl("-o", "index.out", "-o", "style.out", "-o", "logo.out",
                "-w", "%{http_code} %{num_connects} %{content_type}\\n",
                site.uri("/").toString(), site.uri("/style.css").toString(), site.uri("/logo.png").toString());

        ExternalProgram.Result result = ExternalProgram.run(TIMEOUT, work, command);

        assertThat(result.exitCode()).as("curl's exit code; stderr: %s", result.stderr()).isZero();
        assertThat(result.stdoutText().lines()).containsExactly(
                "200 1 text/html; charset=utf-8",
                "200 0 text/css; charset=utf-8", // 0 new connections: the first one was reused
                "200 0 image/png");
        assertThat(Files.readString(work.resolve("index.out"))).isEqualTo(TestSite.INDEX_HTML);
        assertThat(Files.readString(work.resolve("style.out"))).isEqualTo(TestSite.STYLE_CSS);
        assertThat(Files.readAllBytes(work.resolve("logo.out"))).isEqualTo(TestSite.LOGO_PNG);
    }

    @Test
    void headShowsTheHeadersOfEveryResponse() throws Exception {
        ExternalProgram.Result result = ExternalProgram.run(TIMEOUT, work,
                curl("--head", site.uri("/logo.png").toString()));

        assertThat(result.exitCode()).as("curl's exit code; stderr: %s", result.stderr()).isZero();
        assertThat(result.stdoutText())
                .startsWith("HTTP/1.1 200 OK\r\n")
                .containsPattern("(?m)^Date: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$")
                .contains("Content-Length: " + TestSite.LOGO_PNG.length + "\r\n")
                .contains("Content-Type: image/png\r\n")
                .contains("Last-Modified: ")
                .contains("Server: ");
    }

    @Test
    void folderWithoutSlashIsRedirectedAndFollowed() throws Exception {
        Files.createDirectory(folder.resolve("docs"));
        Files.writeString(folder.resolve("docs/index.html"), "<p>docs</p>\n");

        ExternalProgram.Result result = ExternalProgram.run(TIMEOUT, work,
                curl("--location", "-w", "\\n%{num_redirects} %{url_effective}", site.uri("/docs").toString()));

        assertThat(result.stdoutText()).isEqualTo("<p>docs</p>\n\n1 " + site.uri("/docs/"));
    }

    @Test
    void escapeAttemptsAreRefused() throws Exception {
        ExternalProgram.Result result = ExternalProgram.run(TIMEOUT, work, curl("--path-as-is",
                "-o", "/dev/null", "-w", "%{http_code}\\n", site.uri("/../../etc/passwd").toString(),
                "-o", "/dev/null", site.uri("/%2e%2e/%2e%2e/etc/passwd").toString()));

        assertThat(result.stdoutText().lines()).containsExactly("403", "403");
    }

    private List<String> curl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(curl.toString(), "--silent", "--show-error",
                "--max-time", "20"));
        command.addAll(List.of(arguments));
        return command;
    }
}
