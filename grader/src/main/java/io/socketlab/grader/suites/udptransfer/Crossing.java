package io.socketlab.grader.suites.udptransfer;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.network.Conditions;
import io.socketlab.grader.network.Direction;
import io.socketlab.grader.network.LossyRelay;
import io.socketlab.grader.network.RelayLog;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.process.RunningProgram;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** What the cross-tests share: the relay's conditions, their time limits, and how a transfer through it is judged. */
final class Crossing {

    static final double[] LOSS_RATES = {0.0, 0.1, 0.3};
    private static final double DUPLICATE = 0.02;
    private static final Duration MAX_REORDER_DELAY = Duration.ofMillis(1);

    private Crossing() {
    }

    /** Loss both ways, plus a little duplication and reordering at every level. */
    static Conditions conditions(double loss) {
        return Conditions.lossy(loss, DUPLICATE, MAX_REORDER_DELAY);
    }

    static LossyRelay relayTo(int serverPort, double loss, long seed) throws IOException {
        return LossyRelay.start(new InetSocketAddress("127.0.0.1", serverPort), conditions(loss), seed);
    }

    /**
     * How long one transfer may take: a program start, plus time per MiB that grows with the loss (a lost datagram
     * costs a retransmission timeout), generous for a loaded machine and scaled by --timeout-scale.
     */
    static Duration deadline(Timeouts timeouts, long size, double loss) {
        double mib = size / (double) (1 << 20);
        return timeouts.seconds(20 + mib * (3 + 20 * loss));
    }

    static String percent(double loss) {
        return String.format(Locale.ROOT, "%.0f %%", loss * 100);
    }

    /** " (relay seed S; to server: ...)": what a failure cites so the run can be replayed. */
    static String relayFacts(LossyRelay relay) {
        return " (relay seed " + relay.seed() + "; " + relay.log().summary() + ")";
    }

    /** Fails with {@code actual} and the relay's facts. */
    static ConformanceFailure failure(FailureKind kind, Text step, String expected, Text actual, LossyRelay relay) {
        String facts = relayFacts(relay);
        return new ConformanceFailure(kind, step, expected, Text.of(actual.en() + facts, actual.es() + facts), null);
    }

    /**
     * Waits for a program that sends a file to exit 0 having printed {@code OK <sha256>}; fails otherwise, citing the
     * relay.
     */
    static void expectSentOk(RunningProgram program, String who, byte[] content, Duration within, LossyRelay relay,
                             Text step) {
        OptionalInt exit = program.awaitExit(within);
        String expected = "exit code 0 after printing OK " + Datagrams.sha256Hex(content);
        String out = program.stdout().text().strip();
        if (exit.isEmpty()) {
            program.close();
            String seconds = String.format(Locale.ROOT, "%.1f s", within.toMillis() / 1000.0);
            throw failure(FailureKind.TIMEOUT, step, expected,
                    Text.of(who + " still running after " + seconds + (out.isEmpty() ? "" : ", having printed " + Bytes.quote(out)),
                            who + " seguía en marcha tras " + seconds + (out.isEmpty() ? "" : ", tras imprimir " + Bytes.quote(out))),
                    relay);
        }
        List<String> lines = out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (exit.getAsInt() != 0 || !lines.equals(List.of("OK " + Datagrams.sha256Hex(content)))) {
            String stderr = program.stderr().text().strip();
            String got = "exit code " + exit.getAsInt() + ", stdout " + Bytes.quote(out)
                    + (stderr.isEmpty() ? "" : ", stderr " + Bytes.quote(stderr));
            throw failure(FailureKind.WRONG_OUTPUT, step, expected, Text.of(who + ": " + got, who + ": " + got), relay);
        }
    }

    /** Fails unless {@code file} holds exactly {@code content}. */
    static void expectStored(Path file, byte[] content, Text step, LossyRelay relay) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw failure(FailureKind.INTEGRITY, step, "a file " + file.getFileName() + " in --dir",
                    Text.of("no such file", "no existe"), relay);
        }
        byte[] stored = Files.readAllBytes(file);
        if (!Arrays.equals(stored, content)) {
            throw failure(FailureKind.INTEGRITY, step, file.getFileName() + " with the " + content.length + " bytes sent",
                    Bytes.describeDifference(content, stored), relay);
        }
    }

    /**
     * Watches a file's final name while a transfer runs: it must not appear before the server has had the END (it
     * cannot have verified the digest), nor ever hold fewer bytes than the whole file.
     */
    static final class FinalNameWatch implements AutoCloseable {
        private final Path file;
        private final long size;
        private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "socketlab-final-name-watch");
            thread.setDaemon(true);
            return thread;
        });
        private volatile long firstSeenNanos = -1;
        private volatile long partialSize = -1;

        FinalNameWatch(Path file, long size) {
            this.file = file;
            this.size = size;
            poller.scheduleWithFixedDelay(this::look, 0, 2, TimeUnit.MILLISECONDS);
        }

        private void look() {
            long before = System.nanoTime();
            try {
                if (Files.exists(file)) {
                    if (firstSeenNanos < 0) {
                        firstSeenNanos = before;
                    }
                    long seen = Files.size(file);
                    if (seen < size && partialSize < 0) {
                        partialSize = seen;
                    }
                }
            } catch (IOException e) {
                // Renamed or removed between the two looks: the next look sees how things stand.
            }
        }

        /** Fails if the file was seen partial, or before the first END reached the relay. */
        void verify(LossyRelay relay, Text step) {
            close();
            String expected = "no file under its final name until the whole file is verified (after END)";
            if (partialSize >= 0) {
                throw failure(FailureKind.INTEGRITY, step, expected,
                        Text.of(file.getFileName() + " was visible with only " + partialSize + " of " + size + " bytes",
                                file.getFileName() + " era visible con solo " + partialSize + " de " + size + " bytes"), relay);
            }
            OptionalLong firstEnd = relay.log().events().stream()
                    .filter(e -> e.direction() == Direction.TO_SERVER && e.datagram().length > 0
                            && (e.datagram()[0] & 0xFF) == Datagrams.END)
                    .mapToLong(RelayLog.Event::atNanos).min();
            if (firstSeenNanos >= 0 && (firstEnd.isEmpty() || firstSeenNanos < firstEnd.getAsLong())) {
                throw failure(FailureKind.INTEGRITY, step, expected,
                        Text.of(file.getFileName() + " was visible before the client's END reached the server",
                                file.getFileName() + " era visible antes de que el END del cliente llegase al servidor"),
                        relay);
            }
        }

        @Override
        public void close() {
            poller.shutdownNow();
            try {
                poller.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
