package io.socketlab.grader.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops every program the grader started when the grader itself is stopped (SIGTERM, Ctrl-C, a CI job cancelled):
 * tests stop their programs when they end, but a grader killed mid-test never ends them, and its programs would
 * outlive it. Their trees get SIGTERM, then SIGKILL a moment later.
 */
final class ProgramReaper {

    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private ProgramReaper() {
    }

    /** Installs the JVM's shutdown hook, once. */
    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(ProgramReaper::stopDescendants, "socketlab-reaper"));
        }
    }

    private static void stopDescendants() {
        List<ProcessHandle> programs = ProcessHandle.current().descendants().toList();
        programs.forEach(ProcessHandle::destroy);
        try {
            CompletableFuture.allOf(programs.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Some did not end on SIGTERM: they get SIGKILL below.
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
