package io.socketlab.grader.conformance;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.FakeUdpServer;
import io.socketlab.grader.probe.Payload;
import io.socketlab.grader.process.ProgramCommand;
import io.socketlab.grader.process.ProgramLauncher;
import io.socketlab.grader.process.RunningProgram;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The client program of the exercise under test, run once or more by one test against scripted fake servers:
 * arguments and stdin in; stdout, stderr and exit code out; bytes on the wire checked by the fakes.
 */
public final class ClientUnderTest {

    public static final String HOST = "127.0.0.1";
    /** In {@link #expectUsageError}'s arguments: the port of a fake server that listens and never speaks. */
    public static final String PORT = "{port}";
    /** How long that fake listens for bytes a client refusing its command line must not send. */
    private static final Duration USAGE_QUIET = Duration.ofMillis(500);

    private final GradingContext context;
    private final String label;
    private final ProgramCommand command;
    private final TestScope scope;
    private Path files;

    ClientUnderTest(GradingContext context, String label, ProgramCommand command, TestScope scope) {
        this.context = context;
        this.label = label;
        this.command = command;
        this.scope = scope;
    }

    public Timeouts timeouts() {
        return context.timeouts();
    }

    /** A fake TCP server running {@code script} on every connection, owned by this test. */
    public FakeTcpServer fakeServer(FakeTcpServer.Script script) throws IOException {
        return scope.own(FakeTcpServer.start(scope.transcript(), context.timeouts(), script));
    }

    /**
     * A fake TCP server whose connections have small socket buffers ({@link FakeTcpServer#SMALL_BUFFERS}): a client
     * that writes everything before it reads blocks on it, as it would on any large enough input.
     */
    public FakeTcpServer fakeServerWithSmallBuffers(FakeTcpServer.Script script) throws IOException {
        return scope.own(FakeTcpServer.start(scope.transcript(), context.timeouts(), FakeTcpServer.SMALL_BUFFERS, script));
    }

    /** A fake UDP server answering as {@code script} says (late, twice, or not at all), owned by this test. */
    public FakeUdpServer scriptedUdpServer(FakeUdpServer.Script script) throws IOException {
        return scope.own(FakeUdpServer.scripted(scope.transcript(), script));
    }

    /** A fake UDP server answering as {@code responder} decides, owned by this test. */
    public FakeUdpServer fakeUdpServer(FakeUdpServer.Responder responder) throws IOException {
        return scope.own(FakeUdpServer.start(scope.transcript(), responder));
    }

    /** A folder for this test's input and output files (absolute paths work whatever the client's working dir). */
    public Path files() {
        if (files == null) {
            Path folder = context.launcher().newFolder(label + "-files");
            scope.own(() -> ProgramLauncher.deleteRecursively(folder));
            files = folder;
        }
        return files;
    }

    /** A port on which nothing listens: connecting to it is refused. */
    public int refusedPort() {
        return context.ports().allocate(false);
    }

    /** Starts the client with {@code --host 127.0.0.1 --port N} and then {@code arguments}. */
    public Run start(int port, List<String> arguments) {
        return startRaw(againstPort(port, arguments));
    }

    private static List<String> againstPort(int port, List<String> arguments) {
        List<String> all = new ArrayList<>(List.of("--host", HOST, "--port", Integer.toString(port)));
        all.addAll(arguments);
        return all;
    }

    /** Starts the client with exactly these arguments (for clients whose command line is not host/port). */
    public Run startRaw(List<String> arguments) {
        return startRaw(arguments, context.launcher().stdoutHeadLimit());
    }

    private Run startRaw(List<String> arguments, int stdoutLimit) {
        RunningProgram program = scope.watch(scope.own(context.launcher().start(label, command, arguments, stdoutLimit)));
        scope.transcript().note("client", Text.format("started with arguments %s", "arrancado con los argumentos %s", arguments));
        return new Run(program);
    }

    /**
     * The common rule for every client: started against a port where nothing listens, it exits 2 and says what
     * happened in one line on stderr.
     */
    public void expectExitTwoWhenRefused(List<String> arguments) {
        run(refusedPort(), arguments, new byte[0])
                .expectExitCode(Text.of("the client's exit code", "el código de salida del cliente"), 2)
                .expectErrorLine(Text.of("stderr after a refused connection", "stderr tras una conexión rechazada"));
    }

    /**
     * The common rule for a command line the contract calls a usage error: the client, started with exactly
     * {@code arguments} (each {@link #PORT} replaced by the port of a fake server that listens and never speaks),
     * exits 2 with one line on stderr and sends nothing. Connecting first is allowed, so a client that checks its
     * arguments late is not mistaken for one that was refused.
     */
    public ClientResult expectUsageError(List<String> arguments) throws Exception {
        FakeTcpServer listening = fakeServer(connection -> connection.expectSilence(USAGE_QUIET));
        List<String> actual = arguments.stream()
                .map(argument -> argument.equals(PORT) ? Integer.toString(listening.port()) : argument).toList();
        Text shown = Text.same(String.join(" ", actual));
        ClientResult result = startRawToExit(actual)
                .expectExitCode(Text.format("exit code of the client started with %s", "código de salida del cliente"
                        + " arrancado con %s", shown), 2)
                .expectOneErrorLine(Text.format("stderr of the client started with %s", "stderr del cliente arrancado"
                        + " con %s", shown));
        return listening.connections() > 0 ? result.expectServedBy(listening) : result;
    }

    private ClientResult startRawToExit(List<String> arguments) {
        Run run = startRaw(arguments);
        run.writeStdinAndClose(new byte[0]);
        return run.awaitExit();
    }

    /** Runs the client to completion: stdin is {@code stdin} then EOF. */
    public ClientResult run(int port, List<String> arguments, byte[] stdin) {
        return run(port, arguments, Payload.of(stdin));
    }

    /**
     * Runs the client to completion: stdin is {@code stdin}, generated as it is written, then EOF. Its stdout is kept
     * whole up to the launcher's limit or twice {@code stdin}, whichever is more: a client may print what it is given
     * (echo's 8 MiB), and what it prints beyond that is counted, not kept.
     */
    public ClientResult run(int port, List<String> arguments, Payload stdin) {
        long twiceTheInput = Math.min(Integer.MAX_VALUE, 2 * stdin.size());
        Run run = startRaw(againstPort(port, arguments),
                (int) Math.max(context.launcher().stdoutHeadLimit(), twiceTheInput));
        run.writeStdinAndClose(stdin);
        return run.awaitExit();
    }

    /** A client that is running. */
    public final class Run {
        private final RunningProgram program;
        /** Completes with the time the process was seen to exit. */
        private final CompletableFuture<Long> exitedAt;

        Run(RunningProgram program) {
            this.program = program;
            this.exitedAt = program.handle().onExit().thenApply(process -> System.nanoTime());
        }

        public RunningProgram program() {
            return program;
        }

        /** Feeds stdin then closes it; a client that exited early simply does not read it all. */
        public void writeStdinAndClose(byte[] stdin) {
            writeStdinAndClose(Payload.of(stdin));
        }

        /** Feeds stdin from a second thread, then closes it: the client may read and write at its own pace. */
        public void writeStdinAndClose(Payload stdin) {
            Thread feeder = new Thread(() -> {
                try (InputStream source = stdin.open()) {
                    source.transferTo(program.stdin());
                } catch (IOException e) {
                    // The client stopped reading: its exit code and output tell what happened.
                } finally {
                    program.closeStdin();
                }
            }, "socketlab-stdin-" + label);
            feeder.setDaemon(true);
            feeder.start();
        }

        /** Writes to the client's stdin and leaves it open (an interactive user typing). */
        public Run type(String text) {
            try {
                program.stdin().write(Bytes.utf8(text));
                program.stdin().flush();
                scope.transcript().note("client", Text.format("typed on stdin: %s", "escrito en su entrada estándar: %s",
                        Bytes.quote(text)));
            } catch (IOException e) {
                // The client exited or closed its stdin: what it printed and its exit code tell the story.
            }
            return this;
        }

        /** Closes stdin: the client reads end of file. */
        public Run endStdin() {
            program.closeStdin();
            scope.transcript().note("client", Text.of("stdin closed (EOF)", "entrada estándar cerrada (EOF)"));
            return this;
        }

        /** Waits (10 s, scaled) until the client has printed {@code line}: it answers as it reads. */
        public Run awaitPrinted(String line) {
            return awaitStdoutLine(Text.format("the client printing %s while it still runs",
                    "que el cliente imprima %s mientras sigue en marcha", Bytes.quote(line)),
                    line, context.timeouts().seconds(10));
        }

        /**
         * Waits until the client has printed a line equal to {@code expected} on stdout (a trailing CR ignored),
         * at most {@code within}; fails otherwise, showing what it printed.
         */
        public Run awaitStdoutLine(Text step, String expected, Duration within) {
            Predicate<String> printed = text -> text.lines()
                    .map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l).anyMatch(expected::equals);
            boolean seen;
            try {
                seen = program.stdout().awaitText(printed, within.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                seen = false;
            }
            if (!seen) {
                byte[] out = program.stdout().bytes();
                Text shown = out.length == 0 ? Text.of("nothing", "nada") : Text.same(Bytes.render(out));
                Text wanted = Text.format("a line %s on stdout", "una línea %s en stdout", Bytes.quote(expected));
                // Its stdout may close a moment before the process is reaped: give the exit a moment too.
                OptionalInt exit = program.awaitExit(Duration.ofSeconds(1));
                if (exit.isPresent()) {
                    String stderr = program.stderr().text().strip();
                    Text why = Text.format("exit code %d", "código de salida %d", exit.getAsInt())
                            .plus(Text.same(stderr.isEmpty() ? "" : " (stderr: " + Bytes.quote(stderr) + ")"));
                    throw ConformanceFailure.crashed(step, wanted, Text.format("the client ended with %s after printing %s",
                            "el cliente terminó con %s tras imprimir %s", why, shown));
                }
                throw ConformanceFailure.timeout(step, wanted, Text.format("%s within %s", "%s en %s", shown,
                        ConformanceFailure.seconds(within)));
            }
            return this;
        }

        /** Waits (15 s, scaled) for the client to exit; still running then is a TIMEOUT failure. */
        public ClientResult awaitExit() {
            return awaitExit(context.timeouts().seconds(15));
        }

        /** Waits {@code within} for the client to exit: for a test that makes it wait out a timeout of its own. */
        public ClientResult awaitExit(Duration within) {
            return awaitExit(Text.of("waiting for the client to exit", "esperando a que el cliente termine"), within);
        }

        /** Waits for the client to exit; still running at the deadline is a TIMEOUT failure. */
        public ClientResult awaitExit(Text step, Duration within) {
            OptionalInt exit = program.awaitExit(within);
            scope.addLog(label, ProgramOutput.whole(program));
            if (exit.isEmpty()) {
                program.close();
                byte[] out = program.stdout().bytes();
                String seconds = ConformanceFailure.seconds(within);
                Text printed = out.length == 0 ? Text.of(", having printed nothing", ", sin imprimir nada")
                        : Text.format(", having printed %s", ", tras imprimir %s", Bytes.render(out));
                throw ConformanceFailure.timeout(step, Text.of("the client to exit", "que el cliente termine"),
                        Text.format("still running after %s", "seguía en marcha tras %s", seconds).plus(printed));
            }
            return new ClientResult(exit.getAsInt(), program.stdout().bytes(), program.stderr().text(), exitTime());
        }

        /** When the process exited: known a moment after {@link RunningProgram#awaitExit} returns. */
        private OptionalLong exitTime() {
            try {
                return OptionalLong.of(exitedAt.get(1, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                return OptionalLong.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OptionalLong.empty();
            }
        }
    }
}
