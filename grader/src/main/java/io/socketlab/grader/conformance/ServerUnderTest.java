package io.socketlab.grader.conformance;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Image;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.probe.DatagramProbe;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.process.LimitBreach;
import io.socketlab.grader.process.ProgramCommand;
import io.socketlab.grader.process.ProgramLauncher;
import io.socketlab.grader.process.Readiness;
import io.socketlab.grader.process.RunningProgram;
import io.socketlab.grader.process.ServerStarter;
import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The server program of the exercise under test: shared by every test of the program (whichever class it is in)
 * or, for a class with {@code freshServerPerTest}, one per test. Started on first use and stopped with its whole
 * process tree when its program's last test ends. A server that died is reported as such to the test that next
 * uses it, and started afresh for the one after.
 */
public final class ServerUnderTest implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    private static final Text EXIT_ZERO = Text.of("exit code 0", "código de salida 0");
    /** What {@link #expectAlive} expects: "the server keeps running". */
    static final Text KEEPS_RUNNING = Text.of("the server keeps running", "que el servidor siga en marcha");

    private static final Text CRASH_HINT = Text.of(
            "your server stopped: the end of its stderr says why (a traceback names the line). Handle each "
                    + "connection's errors inside that connection so that the server keeps serving the others",
            "tu servidor se detuvo: el final de su stderr dice por qué (una traza indica la línea). Trata los errores "
                    + "de cada conexión dentro de esa conexión para que el servidor siga atendiendo a las demás");

    private final GradingContext context;
    private final String label;
    private final ProgramCommand command;
    private final Readiness readiness;
    private final List<String> argumentTemplate;
    private List<String> extraArguments;
    private Path dataDir;
    private ServerStarter.StartedServer running;
    private ProgramOutput.Mark mark = ProgramOutput.Mark.START;
    /** Where the previous test's window began: a server found dead shows its last words from there. */
    private ProgramOutput.Mark previousMark = ProgramOutput.Mark.START;
    private TestScope scope;
    private final ExitWatch exits = new ExitWatch();

    ServerUnderTest(GradingContext context, String label, ProgramCommand command, Readiness readiness,
                    List<String> argumentTemplate) {
        this.context = context;
        this.label = label;
        this.command = command;
        this.readiness = readiness;
        this.argumentTemplate = List.copyOf(argumentTemplate);
    }

    /**
     * The folder {@code {data}} stands for in the server's arguments: it outlives restarts of the server and is
     * removed when the server is closed.
     */
    public synchronized Path dataDir() {
        if (dataDir == null) {
            dataDir = context.launcher().newFolder(label + "-data");
        }
        return dataDir;
    }

    private List<String> defaultArguments() {
        return argumentTemplate.stream().map(a -> a.replace("{data}", dataDir().toString())).toList();
    }

    /**
     * Binds the server to the test about to run, {@code title}: probes write into its transcript, and its report
     * shows the server's output from now on. A server found dead keeps its window, so its last words are shown.
     */
    synchronized void bind(TestScope testScope, Text title) {
        this.scope = testScope;
        exits.testStarted(title);
        if (running != null && running.program().isAlive()) {
            previousMark = mark;
            mark = ProgramOutput.mark(running.program());
        }
    }

    /** The bound test has ended. */
    void unbind() {
        exits.testEnded();
    }

    /** Shows a picture the server produced (a frame it wrote) in the HTML report of the current test. */
    public void attachImage(Text caption, byte[] png) {
        scope.addImage(new Image(caption, png));
    }

    public Timeouts timeouts() {
        return context.timeouts();
    }

    /** The port the running server listens on; starts it first if needed. */
    public synchronized int port() {
        return ensureRunning().port();
    }

    /** Whether the server process is still running (it was started and has not exited). */
    public synchronized boolean isAlive() {
        return running != null && running.program().isAlive();
    }

    /** The running server's process; starts it first if needed. */
    public synchronized RunningProgram program() {
        return ensureRunning().program();
    }

    /** A new TCP connection to the server, owned by the current test. */
    public TcpProbe connect() {
        int port = port();
        return scope.own(TcpProbe.connect(HOST, port, scope.transcript(), context.timeouts()));
    }

    /** A new UDP socket aimed at the server's port, owned by the current test. */
    public DatagramProbe datagrams() throws IOException {
        int port = port();
        return scope.own(DatagramProbe.open(HOST, port, scope.transcript(), context.timeouts()));
    }

    /** Stops the server and starts a fresh one with these arguments after {@code --port N}. */
    public synchronized void restartWith(List<String> arguments) {
        stop();
        extraArguments = List.copyOf(arguments);
        ensureRunning();
    }

    /** Stops the server and starts a fresh one with its usual arguments (the data folder is kept). */
    public synchronized void restart() {
        restartWith(extraArguments != null ? extraArguments : defaultArguments());
    }

    /**
     * Kills the server's whole tree with SIGKILL, as a power cut would: nothing is flushed. The next use starts a
     * fresh server on the same data folder.
     */
    public synchronized void kill() {
        RunningProgram program = ensureRunning().program();
        program.kill();
        scope.transcript().note("server", Text.of("killed with SIGKILL", "matado con SIGKILL"));
        scope.addLog(label, ProgramOutput.since(program, mark));
        program.close();
        running = null;
    }

    /**
     * Sends SIGTERM (the contract's way to end a server) and waits for it to exit.
     *
     * @return the exit code, or empty when it had to be killed after the grace period
     */
    public synchronized OptionalInt terminate() {
        RunningProgram program = ensureRunning().program();
        running = null;
        OptionalInt exitCode = program.terminate();
        scope.addLog(label, ProgramOutput.since(program, mark));
        program.close();
        return exitCode;
    }

    /** Sends SIGTERM and fails unless the server exits with code 0 within the grace period (the contract's shutdown). */
    public void expectCleanTermination() {
        Text step = Text.of("sending SIGTERM to the server", "enviando SIGTERM al servidor");
        OptionalInt exit = terminate();
        if (exit.isEmpty()) {
            throw ConformanceFailure.timeout(step, EXIT_ZERO, Text.format("still running %s after SIGTERM (then killed)",
                    "seguía en marcha %s después de SIGTERM (entonces se mató)",
                    ConformanceFailure.seconds(context.timeouts().seconds(3))));
        }
        if (exit.getAsInt() != 0) {
            throw ConformanceFailure.wrongOutput(step, EXIT_ZERO,
                    Text.of("exit code " + exit.getAsInt(), "código de salida " + exit.getAsInt()));
        }
    }

    /**
     * Runs the server program with {@code --port N} and {@code arguments} that it must refuse at start, and waits
     * for it to exit; a server that is still running at the deadline is stopped and reported as such.
     */
    public synchronized ClientResult runExpectingExit(List<String> arguments, Duration within) {
        return runToExit(context.ports().allocate(false), arguments, within);
    }

    /**
     * Like {@link #runExpectingExit}, but another socket already holds the server's {@code --port} (on every
     * interface), so the server cannot listen there: a TCP listener, or a bound UDP socket for a server that is
     * ready when its UDP port is bound.
     */
    public synchronized ClientResult runOnBusyPortExpectingExit(List<String> arguments, Duration within)
            throws IOException {
        boolean udp = readiness == Readiness.UDP;
        int port = context.ports().allocate(udp);
        try (Closeable busy = udp ? new DatagramSocket(new InetSocketAddress(port)) : listenOn(port)) {
            scope.transcript().note("grader", udp
                    ? Text.format("bound UDP port %d so that the server cannot bind it",
                            "enlazado el puerto UDP %d para que el servidor no pueda enlazarlo", port)
                    : Text.format("listening on port %d so that the server cannot listen there",
                            "escuchando en el puerto %d para que el servidor no pueda escuchar en él", port));
            return runToExit(port, arguments, within);
        }
    }

    private static ServerSocket listenOn(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(port));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Fails unless the server, started with {@code arguments} it must refuse, exits 2 with one line on stderr (the
     * contract's start-up error); {@code shown} names the arguments in the report.
     */
    public void expectStartRefused(List<String> arguments, String shown) {
        runExpectingExit(arguments, context.timeouts().seconds(10))
                .expectExitCode(Text.of("exit code of a server started with " + shown,
                        "código de salida de un servidor arrancado con " + shown), 2)
                .expectErrorLine(Text.of("stderr of a server started with " + shown,
                        "stderr de un servidor arrancado con " + shown));
    }

    /** Fails unless the server, whose {@code --port} another socket holds, exits 2 with one line on stderr. */
    public void expectStartRefusedOnBusyPort(List<String> arguments) throws IOException {
        runOnBusyPortExpectingExit(arguments, context.timeouts().seconds(10))
                .expectExitCode(Text.of("exit code of a server whose port is taken",
                        "código de salida de un servidor con el puerto ocupado"), 2)
                .expectErrorLine(Text.of("stderr of a server whose port is taken",
                        "stderr de un servidor con el puerto ocupado"));
    }

    private ClientResult runToExit(int port, List<String> arguments, Duration within) {
        stop();
        List<String> all = new ArrayList<>(List.of("--port", Integer.toString(port)));
        all.addAll(arguments);
        try (RunningProgram program = scope.watch(context.launcher().start(label, command, all))) {
            scope.transcript().note("server", Text.format("started with arguments %s", "arrancado con los argumentos %s", all));
            OptionalInt exitCode = program.awaitExit(within);
            scope.addLog(label, ProgramOutput.whole(program));
            return exitCode.isPresent()
                    ? new ClientResult(exitCode.getAsInt(), program.stdout().bytes(), program.stderr().text())
                    : ClientResult.stillRunning(within, program.stdout().bytes(), program.stderr().text());
        }
    }

    /** Fails with CRASHED when the server has exited: the step that was going on is what killed it. */
    public synchronized void expectAlive(Text step) {
        if (running != null && !running.program().isAlive()) {
            throw ConformanceFailure.crashed(step, KEEPS_RUNNING, death(running.program())).withHint(CRASH_HINT);
        }
    }

    /**
     * The failure to report instead of {@code thrown} when the server is why the test failed: it exited during the
     * test, or is exiting (it no longer listens and exits within a moment), whatever the probe saw (a refusal, a
     * reset, a timeout).
     */
    synchronized Optional<ConformanceFailure> crashBehind(Throwable thrown) {
        if (running == null) {
            return Optional.empty();
        }
        RunningProgram program = running.program();
        if (program.isAlive() && !readiness.isReady(running.port())) {
            // The listening socket closes as the process exits, a moment before the exit can be seen.
            program.awaitExit(context.timeouts().seconds(2));
        }
        if (program.isAlive()) {
            return Optional.empty();
        }
        ConformanceFailure crash = ConformanceFailure.crashed(Text.of("during this test", "durante esta prueba"),
                KEEPS_RUNNING, death(program)).withHint(CRASH_HINT);
        crash.initCause(thrown);
        return Optional.of(crash);
    }

    /** Fails with CRASHED when the server has exited since the test began talking to it. */
    public void expectAlive() {
        expectAlive(Text.of("the server after this test's connections", "el servidor tras las conexiones de esta prueba"));
    }

    /** The sandbox limit the running server ran into, if any. */
    synchronized Optional<LimitBreach> limitBreach() {
        return running == null ? Optional.empty() : running.program().limitBreach();
    }

    /** Adds what the server wrote during the current test to its report. */
    synchronized void reportOutputOfThisTest() {
        if (running != null && scope != null) {
            RunningProgram program = running.program();
            ProgramOutput.Mark from = mark;
            if (!program.isAlive()) {
                // Dead by now, perhaps since just before this test began: its last words, drained (bounded), from
                // the previous test's window on.
                program.awaitExit(Duration.ZERO);
                from = previousMark;
            }
            scope.addLog(label, ProgramOutput.since(program, from));
        }
    }

    /** Why the server is no longer running, for the test that finds it so: a sandbox limit, or how it exited. */
    private Text death(RunningProgram program) {
        Optional<LimitBreach> breach = program.limitBreach();
        if (breach.isPresent()) {
            return breach.get().description();
        }
        return exits.describe(program, "the server", "el servidor");
    }

    private ServerStarter.StartedServer ensureRunning() {
        if (running != null && running.program().isAlive()) {
            return running;
        }
        if (running != null) {
            // It died since it was last used: this is what the test must report first. The next use restarts it.
            RunningProgram dead = running.program();
            Text death = death(dead);
            // It may have died between two tests, still seen alive when this one began: its last words are then
            // in the previous test's window, which is shown again.
            mark = previousMark;
            // Its output is drained by other threads, which a busy machine may not have run yet: wait for the
            // pipes' end (bounded), so its last words are there to show.
            dead.awaitExit(Duration.ZERO);
            stop();
            throw ConformanceFailure.crashed(Text.of("using the server", "usando el servidor"),
                    Text.of("the server running", "el servidor en marcha"), death).withHint(CRASH_HINT);
        }
        Duration readyWithin = context.timeouts().seconds(10);
        try {
            if (extraArguments == null) {
                extraArguments = defaultArguments();
            }
            running = context.starter().start(label, command, extraArguments, readiness, readyWithin);
            mark = ProgramOutput.Mark.START;
            previousMark = ProgramOutput.Mark.START;
            exits.watch(running.program());
            if (scope != null) {
                scope.watch(running.program());
                scope.transcript().note("server", Text.format("started `%s` on port %d", "arrancado `%s` en el puerto %d",
                        command.description(), running.port()));
            }
            return running;
        } catch (ServerStarter.StartFailure failure) {
            if (scope != null) {
                scope.watch(failure.program());
                scope.addLog(label, ProgramOutput.whole(failure.program()));
            }
            Text step = Text.of("starting the server with --port " + failure.port(),
                    "arrancando el servidor con --port " + failure.port());
            Text expected = Text.of("the server listening on its --port", "el servidor escuchando en su --port");
            if (failure.exited()) {
                throw ConformanceFailure.crashed(step, expected, death(failure.program()));
            }
            throw ConformanceFailure.timeout(step, expected, notReady(failure.port(), readyWithin));
        }
    }

    /** "it did not listen on port 4242 within 10.0 s (a TCP socket in LISTEN state)", in both languages. */
    private Text notReady(int port, Duration within) {
        String seconds = ConformanceFailure.seconds(within);
        return switch (readiness) {
            case TCP -> Text.of("it did not listen on port " + port + " within " + seconds
                            + " (no TCP socket in LISTEN state on that port)",
                    "no escuchó en el puerto " + port + " en " + seconds + " (ningún socket TCP en estado LISTEN en ese puerto)");
            case UDP -> Text.of("it did not bind a UDP socket to port " + port + " within " + seconds,
                    "no enlazó un socket UDP al puerto " + port + " en " + seconds);
            case TCP_AND_UDP -> Text.of("it did not listen on TCP and bind UDP port " + port + " within " + seconds,
                    "no escuchó en TCP ni enlazó UDP en el puerto " + port + " en " + seconds);
        };
    }

    private void stop() {
        if (running != null) {
            RunningProgram program = running.program();
            running = null;
            program.close();
            if (scope != null) {
                scope.addLog(label, ProgramOutput.since(program, mark));
            }
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (dataDir != null) {
            ProgramLauncher.deleteRecursively(dataDir);
            dataDir = null;
        }
    }
}
