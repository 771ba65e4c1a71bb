package io.socketlab.grader.regrade;

import io.socketlab.grader.process.OutputCapture;
import io.socketlab.grader.process.ProcessTree;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Runs a process to its end or its timeout, its output (stdout and stderr together) drained and capped. */
final class BoundedProcess {

    static final int HEAD_BYTES = 64 * 1024;
    static final int TAIL_BYTES = 64 * 1024;

    /** Every process running now, killed with its tree if the regrade itself is stopped (Ctrl-C, SIGTERM). */
    private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ProcessTree::kill), "socketlab-regrade-stop"));
    }

    /**
     * @param exitCode {@code -1} when killed on its timeout
     */
    record Result(int exitCode, boolean timedOut, Duration took, OutputCapture output) {

        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** The output's last characters, on one line, for a message. */
        String lastWords(int maxChars) {
            String tail = output.tailText(maxChars * 4).strip();
            String[] lines = tail.split("\\R");
            StringBuilder words = new StringBuilder();
            for (int i = lines.length - 1; i >= 0 && words.length() < maxChars; i--) {
                if (!lines[i].isBlank()) {
                    words.insert(0, words.length() == 0 ? lines[i].strip() : lines[i].strip() + " | ");
                }
            }
            String text = words.toString();
            return text.length() <= maxChars ? text : "..." + text.substring(text.length() - maxChars);
        }
    }

    private BoundedProcess() {
    }

    /** @throws IOException when the process cannot be started */
    static Result run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
        builder.redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = builder.start();
        LIVE.add(process.toHandle());
        OutputCapture output = new OutputCapture("out", process.getInputStream(), HEAD_BYTES, TAIL_BYTES, start);
        boolean timedOut = false;
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
            }
        } finally {
            if (process.isAlive()) {
                ProcessTree.kill(process.toHandle());
                process.waitFor(10, TimeUnit.SECONDS);
            }
            LIVE.remove(process.toHandle());
        }
        output.awaitEnd(5_000);
        return new Result(timedOut ? -1 : process.exitValue(), timedOut, Duration.ofNanos(System.nanoTime() - start),
                output);
    }
}
