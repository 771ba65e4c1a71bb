package io.socketlab.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PeakMemoryTests {

    /** Allocates (and touches) MiB as told on stdin, frees them at once, says so: a peak nobody sees in VmRSS. */
    private static final String ALLOCATOR = """
            import sys
            for line in sys.stdin:
                block = bytearray(int(line) << 20)
                del block
                print("freed", flush=True)
            """;

    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void seesAPeakThatWasFreedBeforeItLooked() throws IOException {
        BufferedReader out = startAllocator();
        PeakMemory watch = PeakMemory.watch(process.toHandle()).orElseThrow();

        allocate(out, 300);

        long nowKib = PeakMemory.statusKib(process.pid(), "VmRSS:").orElseThrow();
        assertThat(watch.growthKib().orElseThrow()).isGreaterThan(280 * 1024);
        assertThat(nowKib).as("the 300 MiB were freed: the current size alone would miss them").isLessThan(200 * 1024);
    }

    @Test
    void seesAProgramInsideABubblewrapSandbox() throws IOException {
        // As --sandbox ns runs a program: bubblewrap (two processes) above it, its own PID namespace. The program is
        // still a descendant of the process the grader started, and its /proc entry the grader's to read and reset.
        BufferedReader out = startAllocator("bwrap", "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/",
                "--proc", "/proc", "--dev", "/dev");
        PeakMemory watch = PeakMemory.watch(process.toHandle()).orElseThrow();

        allocate(out, 300);

        assertThat(watch.growthKib().orElseThrow()).isGreaterThan(280 * 1024);
    }

    @Test
    void aNewWatchStartsFromTheCurrentSizeNotFromAnEarlierPeak() throws IOException {
        BufferedReader out = startAllocator();
        allocate(out, 300);

        PeakMemory watch = PeakMemory.watch(process.toHandle()).orElseThrow();
        allocate(out, 1);

        OptionalLong growth = watch.growthKib();
        assertThat(growth).isPresent();
        assertThat(growth.getAsLong()).as("the earlier 300 MiB peak is not this watch's").isLessThan(64 * 1024);
    }

    /** Starts the allocator, below {@code wrapper} (a sandbox's command line) if one is given. */
    private BufferedReader startAllocator(String... wrapper) throws IOException {
        assumeTrue(Files.exists(Path.of("/proc/self/status")), "no /proc here");
        List<String> command = new ArrayList<>(List.of(wrapper));
        command.addAll(List.of("python3", "-c", ALLOCATOR));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, command.get(0) + " is not installed: " + e.getMessage());
        }
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private void allocate(BufferedReader out, int mib) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((mib + "\n").getBytes(StandardCharsets.US_ASCII));
        in.flush();
        String line = out.readLine();
        // A sandbox that cannot start here (no user namespaces) says so instead of "freed".
        assumeTrue(line != null && (line.equals("freed") || !line.startsWith("bwrap:")), "cannot sandbox here: " + line);
        assertThat(line).isEqualTo("freed");
    }
}
