package io.socketlab.grader.conformance;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.probe.DatagramProbe;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.process.ProgramCommand;
import io.socketlab.grader.process.ProgramLauncher;
import io.socketlab.grader.process.Readiness;
import io.socketlab.grader.process.RunningProgram;
import io.socketlab.grader.process.ServerStarter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The server program of the exercise under test, shared by the tests of one class: started on first use, restarted
 * when a previous test left it dead, stopped with its whole process tree when the class ends.
 */
public final class ServerUnderTest implements ExtensionContext.Store.CloseableResource {

    public static final String HOST = "127.0.0.1";
    private static final Text EXIT_ZERO = Text.of("exit code 0", "código de salida 0");

    private final GradingContext context;
    private final String label;
    private final ProgramCommand command;
    private final Readiness readiness;
    private final List<String> argumentTemplate;
    private List<String> extraArguments;
    private Path dataDir;
    private ServerStarter.StartedServer running;
    private TestScope scope;

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
     * removed when the test class ends.
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

    /** Binds the server to the test about to run, so probes write into its transcript. */
    synchronized void bind(TestScope testScope) {
        this.scope = testScope;
    }

    /** Shows a picture the server produced (a frame it wrote) in the HTML report of the current test. */
    public void attachImage(io.socketlab.grader.model.Text caption, byte[] png) {
        scope.addImage(new io.socketlab.grader.model.Image(caption, png));
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
        scope.transcript().note("server", "killed with SIGKILL");
        scope.addLog(label, program.log());
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
        OptionalInt exit = program.terminate();
        running = null;
        scope.addLog(label, program.log());
        program.close();
        return exit;
    }

    /** Sends SIGTERM and fails unless the server exits with code 0 within the grace period (the contract's shutdown). */
    public void expectCleanTermination() {
        Text step = Text.of("sending SIGTERM to the server", "enviando SIGTERM al servidor");
        OptionalInt exit = terminate();
        if (exit.isEmpty()) {
            throw ConformanceFailure.timeout(step, EXIT_ZERO, Text.format("still running %s after SIGTERM",
                    "seguía en marcha %s después de SIGTERM", ConformanceFailure.seconds(context.timeouts().seconds(3))));
        }
        if (exit.getAsInt() != 0) {
            throw ConformanceFailure.wrongOutput(step, EXIT_ZERO,
                    Text.of("exit code " + exit.getAsInt(), "código de salida " + exit.getAsInt()));
        }
    }

    /**
     * Runs the server program with {@code --port N} and {@code arguments} that it must refuse at start, and waits
     * for it to exit; a server that starts listening instead is stopped and reported with exit code -1.
     */
    public synchronized ClientResult runExpectingExit(List<String> arguments, Duration within) {
        return runToExit(context.ports().allocate(false), arguments, within);
    }

    /**
     * Like {@link #runExpectingExit}, but another socket already listens on the server's {@code --port} (on every
     * interface), so the server cannot listen there.
     */
    public synchronized ClientResult runOnBusyPortExpectingExit(List<String> arguments, Duration within)
            throws IOException {
        try (java.net.ServerSocket busy = new java.net.ServerSocket()) {
            busy.bind(new java.net.InetSocketAddress(context.ports().allocate(false)));
            scope.transcript().note("grader", "listening on port " + busy.getLocalPort() + " so that the server cannot");
            return runToExit(busy.getLocalPort(), arguments, within);
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
        java.util.List<String> all = new java.util.ArrayList<>(List.of("--port", Integer.toString(port)));
        all.addAll(arguments);
        try (RunningProgram program = context.launcher().start(label, command, all)) {
            scope.transcript().note("server", "started with arguments " + all);
            OptionalInt exit = program.awaitExit(within);
            scope.addLog(label, program.log());
            return new ClientResult(exit.orElse(-1), program.stdout().bytes(), program.stderr().text());
        }
    }

    /** Stops the running server, if any, so the next use starts a fresh one with the default arguments. */
    synchronized void discard() {
        stop();
        extraArguments = null;
    }

    /** Fails with CRASHED when the server has exited: the step that was going on is what killed it. */
    public synchronized void expectAlive(Text step) {
        if (running != null && !running.program().isAlive()) {
            throw ConformanceFailure.crashed(step, KEEPS_RUNNING, exitDescription(running.program()));
        }
    }

    /** Fails with CRASHED when the server has exited since the test began talking to it. */
    public void expectAlive() {
        expectAlive(Text.of("the server after this test's connections", "el servidor tras las conexiones de esta prueba"));
    }

    /** What {@link #expectAlive} expects: "the server keeps running". */
    static final Text KEEPS_RUNNING = Text.of("the server keeps running", "que el servidor siga en marcha");

    /** The server's output so far, for a report. */
    synchronized String log() {
        return running == null ? "" : running.program().log();
    }

    synchronized boolean diedDuringTest() {
        return running != null && !running.program().isAlive();
    }

    synchronized Text exitDescription() {
        return running == null ? Text.same("") : exitDescription(running.program());
    }

    static Text exitDescription(RunningProgram program) {
        int code = program.exitCode().orElse(-1);
        String tail = program.stderr().tailText(300).strip();
        String suffix = tail.isEmpty() ? "" : "; stderr ends: " + tail;
        String suffixEs = tail.isEmpty() ? "" : "; stderr termina: " + tail;
        return Text.of("the server exited with code " + code + suffix,
                "el servidor terminó con código " + code + suffixEs);
    }

    private ServerStarter.StartedServer ensureRunning() {
        if (running != null && running.program().isAlive()) {
            return running;
        }
        stop();
        Duration readyWithin = context.timeouts().seconds(10);
        try {
            if (extraArguments == null) {
                extraArguments = defaultArguments();
            }
            running = context.starter().start(label, command, extraArguments, readiness, readyWithin);
            if (scope != null) {
                scope.transcript().note("server", "started `" + command.description() + "` on port " + running.port());
            }
            return running;
        } catch (ServerStarter.StartFailure failure) {
            if (scope != null) {
                scope.addLog(label, failure.program().log());
            }
            Text step = Text.of("starting the server with --port", "arrancando el servidor con --port");
            Text expected = Text.of("the server listening on its --port", "el servidor escuchando en su --port");
            throw failure.exited()
                    ? ConformanceFailure.crashed(step, expected, exitDescription(failure.program()))
                    : ConformanceFailure.timeout(step, expected, readyWithin);
        }
    }

    private void stop() {
        if (running != null) {
            if (scope != null) {
                scope.addLog(label, running.program().log());
            }
            running.program().close();
            running = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (dataDir != null) {
            ProgramLauncher.deleteRecursively(dataDir);
        }
    }
}
