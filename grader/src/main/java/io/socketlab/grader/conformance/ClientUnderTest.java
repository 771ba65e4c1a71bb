package io.socketlab.grader.conformance;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.FakeUdpServer;
import io.socketlab.grader.process.ProgramCommand;
import io.socketlab.grader.process.RunningProgram;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The client program of the exercise under test, run once or more by one test against scripted fake servers:
 * arguments and stdin in; stdout, stderr and exit code out; bytes on the wire checked by the fakes.
 */
public final class ClientUnderTest {

    public static final String HOST = "127.0.0.1";

    private final GradingContext context;
    private final String label;
    private final ProgramCommand command;
    private final TestScope scope;
    private java.nio.file.Path files;

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

    /** A fake UDP server answering as {@code responder} decides, owned by this test. */
    public FakeUdpServer fakeUdpServer(FakeUdpServer.Responder responder) throws IOException {
        return scope.own(FakeUdpServer.start(scope.transcript(), responder));
    }

    /** A folder for this test's input and output files (absolute paths work whatever the client's working dir). */
    public java.nio.file.Path files() {
        if (files == null) {
            java.nio.file.Path folder = context.launcher().newFolder(label + "-files");
            scope.own(() -> io.socketlab.grader.process.ProgramLauncher.deleteRecursively(folder));
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
        List<String> all = new ArrayList<>(List.of("--host", HOST, "--port", Integer.toString(port)));
        all.addAll(arguments);
        return startRaw(all);
    }

    /** Starts the client with exactly these arguments (for clients whose command line is not host/port). */
    public Run startRaw(List<String> arguments) {
        RunningProgram program = scope.watch(scope.own(context.launcher().start(label, command, arguments)));
        scope.transcript().note("client", "started with arguments " + arguments);
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

    /** Runs the client to completion: stdin is {@code stdin} then EOF. */
    public ClientResult run(int port, List<String> arguments, byte[] stdin) {
        Run run = start(port, arguments);
        run.writeStdinAndClose(stdin);
        return run.awaitExit(Text.of("waiting for the client to exit", "esperando a que el cliente termine"),
                context.timeouts().seconds(15));
    }

    /** A client that is running. */
    public final class Run {
        private final RunningProgram program;

        Run(RunningProgram program) {
            this.program = program;
        }

        public RunningProgram program() {
            return program;
        }

        /** Feeds stdin then closes it; a client that exited early simply does not read it all. */
        public void writeStdinAndClose(byte[] stdin) {
            Thread feeder = new Thread(() -> {
                try {
                    program.stdin().write(stdin);
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
                program.stdin().write(io.socketlab.grader.probe.Bytes.utf8(text));
                program.stdin().flush();
                scope.transcript().note("client", "typed on stdin: " + io.socketlab.grader.probe.Bytes.quote(text));
            } catch (IOException e) {
                // The client exited or closed its stdin: what it printed and its exit code tell the story.
            }
            return this;
        }

        /** Closes stdin: the client reads end of file. */
        public Run endStdin() {
            program.closeStdin();
            scope.transcript().note("client", "stdin closed (EOF)");
            return this;
        }

        /**
         * Waits until the client has printed a line equal to {@code expected} on stdout (a trailing CR ignored),
         * at most {@code within}; fails otherwise, showing what it printed.
         */
        public Run awaitStdoutLine(Text step, String expected, Duration within) {
            java.util.function.Predicate<String> printed = text -> text.lines()
                    .map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l).anyMatch(expected::equals);
            boolean seen;
            try {
                seen = program.stdout().awaitText(printed, within.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                seen = false;
            }
            if (!seen) {
                String out = program.stdout().text();
                String shown = out.isEmpty() ? "nothing" : io.socketlab.grader.probe.Bytes.quote(out);
                // Its stdout may close a moment before the process is reaped: give the exit a moment too.
                java.util.OptionalInt exit = program.awaitExit(Duration.ofSeconds(1));
                if (exit.isPresent()) {
                    String stderr = program.stderr().text().strip();
                    String why = "exit code " + exit.getAsInt() + (stderr.isEmpty() ? ""
                            : " (stderr: " + io.socketlab.grader.probe.Bytes.quote(stderr) + ")");
                    throw ConformanceFailure.crashed(step, "a line " + io.socketlab.grader.probe.Bytes.quote(expected) + " on stdout",
                            Text.of("the client ended with " + why + " after printing " + shown,
                                    "el cliente terminó con " + why + " tras imprimir " + shown));
                }
                throw new ConformanceFailure(io.socketlab.grader.model.FailureKind.TIMEOUT, step,
                        "a line " + io.socketlab.grader.probe.Bytes.quote(expected) + " on stdout",
                        Text.of(shown + " within " + within.toMillis() / 1000.0 + " s",
                                shown + " en " + within.toMillis() / 1000.0 + " s"), null);
            }
            return this;
        }

        /** Waits for the client to exit; still running at the deadline is a TIMEOUT failure. */
        public ClientResult awaitExit(Text step, Duration within) {
            OptionalInt exit = program.awaitExit(within);
            scope.addLog(label, program.log());
            if (exit.isEmpty()) {
                program.close();
                String out = program.stdout().text();
                String seconds = String.format(java.util.Locale.ROOT, "%.1f s", within.toMillis() / 1000.0);
                String printed = out.isEmpty() ? "" : io.socketlab.grader.probe.Bytes.quote(out);
                throw new ConformanceFailure(io.socketlab.grader.model.FailureKind.TIMEOUT, step, "the client to exit",
                        Text.of("still running after " + seconds + (out.isEmpty() ? "" : ", having printed " + printed),
                                "seguía en marcha tras " + seconds + (out.isEmpty() ? "" : ", tras imprimir " + printed)), null);
            }
            return new ClientResult(exit.getAsInt(), program.stdout().bytes(), program.stderr().text());
        }
    }
}
