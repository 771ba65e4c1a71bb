package io.socketlab.reference.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference server as a real browser sees it: headless Chromium loads the test page, its
 * stylesheet and its image, and the page's own script writes into the page what arrived.
 */
class HttpBrowserTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(90); // a browser starts slowly on a busy machine

    @TempDir
    Path folder;
    @TempDir
    Path work;

    private Path chromium;
    private TestSite site;

    @BeforeEach
    void start() throws Exception {
        chromium = ExternalProgram.find("/usr/bin/chromium", "chromium");
        assumeTrue(chromium != null, "chromium not installed: browser test skipped");
        site = TestSite.serve(folder);
    }

    @AfterEach
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void pageRendersWithItsStylesheetAndImage() throws Exception {
        ExternalProgram.Result result = ExternalProgram.run(TIMEOUT, work,
                chromium("--dump-dom", site.uri("/").toString()));

        assertThat(result.exitCode()).as("chromium's exit code; stderr: %s", ExternalProgram.tail(result.stderr()))
                .isZero();
        assertThat(result.stdoutText())
                .contains("Hello from the reference server")
                // Written by the page's script at the load event: only if style.css was applied as
                // CSS (served as text/css) and logo.png decoded as a 7 x 5 image.
                .contains(TestSite.LOADED_REPORT);
    }

    private List<String> chromium(String... arguments) {
        List<String> command = new ArrayList<>(List.of(chromium.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--user-data-dir=" + work.resolve("profile"),
                // Runs the page's timers and pending loads before the DOM is dumped.
                "--virtual-time-budget=10000"));
        command.addAll(List.of(arguments));
        return command;
    }
}
