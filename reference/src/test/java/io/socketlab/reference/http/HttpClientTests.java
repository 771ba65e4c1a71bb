package io.socketlab.reference.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference client against the reference server, each as the other's first real peer. */
class HttpClientTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path folder;
    @TempDir
    Path work;

    private TestSite site;

    @BeforeEach
    void start() throws Exception {
        site = TestSite.serve(folder);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void writesABinaryBodyByteForByte() throws Exception {
        ExternalProgram.Result result = httpGet(site.uri("/logo.png").toString());

        assertThat(result.exitCode()).as("exit code; stderr: %s", result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo(TestSite.LOGO_PNG);
    }

    @Test
    void includeWithHeadPrintsTheHeadOnly() throws Exception {
        ExternalProgram.Result result = httpGet("--head", "--include", site.uri("/style.css").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdoutText()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n")
                .contains("Content-Length: " + TestSite.STYLE_CSS.length() + "\r\n");
    }

    @Test
    void notFoundExitsOneWithTheBodyWritten() throws Exception {
        ExternalProgram.Result result = httpGet(site.uri("/missing").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdoutText()).contains("404");
        assertThat(result.stderr().lines()).hasSize(1);
    }

    private ExternalProgram.Result httpGet(String... arguments) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                HttpClient.class.getName()));
        command.addAll(List.of(arguments));
        return ExternalProgram.run(TIMEOUT, work, command);
    }
}
