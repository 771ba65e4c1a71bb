package io.socketlab.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A program's time waiting for a processor, as Linux counts it. */
class RunQueueTests {

    @Test
    void aProgramThatSleepsHardlyWaitsForAProcessor() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/schedstat")), "no scheduler statistics on this system");
        Process sleeper = new ProcessBuilder("sleep", "1").start();
        try {
            sleeper.waitFor();
            assertThat(RunQueue.waited(sleeper.toHandle())).isEqualTo(Duration.ZERO);
        } finally {
            sleeper.destroyForcibly();
        }
        Process napping = new ProcessBuilder("sh", "-c", "sleep 0.5; sleep 30").start();
        try {
            // A program blocked in a system call is not waiting for a processor: far less than the half second passed.
            assertThat(napping.waitFor(600, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(RunQueue.waited(napping.toHandle())).isLessThan(Duration.ofMillis(250));
        } finally {
            ProcessTree.kill(napping.toHandle());
        }
    }
}
