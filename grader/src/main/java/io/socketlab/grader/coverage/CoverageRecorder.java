package io.socketlab.grader.coverage;

import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.process.BuiltinTarget;
import io.socketlab.grader.process.ProgramLauncher;
import io.socketlab.grader.process.Readiness;
import io.socketlab.grader.process.RunningProgram;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.jacoco.agent.AgentJar;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.SessionInfoStore;
import org.jacoco.core.runtime.RemoteControlReader;
import org.jacoco.core.runtime.RemoteControlWriter;

/**
 * Receives the coverage of every program of a Java target, live, over TCP.
 *
 * <p>Each program gets the JaCoCo agent in {@code tcpclient} mode: it connects here when its JVM starts and sends
 * its data when the JVM ends normally (a client's {@code System.exit} or return from {@code main}). A server ends
 * with SIGTERM, and the contract's servers answer it with {@code Runtime.halt(0)} in a shutdown hook, so the JVM
 * may stop before the agent's own shutdown hook has written anything. Therefore, just before the grader stops a live
 * program, it asks that program's agent for a dump and waits for the answer: what a server's shutdown does no longer
 * matters, and nothing in the graded code has to know about coverage.
 *
 * <p>Only that program's agent: programs run at once, and an agent asked for a dump while its JVM is exiting (a client
 * that has just printed its usage error, say) breaks its own exit dump, loses its data and prints a stack trace on the
 * program's stderr, where a test reads it as the program's words. The agent is known by its end of the connection: the
 * socket, in the program's processes, whose local port is the connection's remote port.
 *
 * <p>What a program runs after that dump is not recorded: a server's SIGTERM hook halts the JVM at once, so whether the
 * agent's own exit dump gets out first is a race, and the lines after a server's accept loop would count in one run
 * and not the next. Ignoring it makes the figures the same from run to run; a client that exits on its own is never
 * asked for a dump, and its exit dump is whole.
 */
public final class CoverageRecorder implements AutoCloseable {

    /** How long the agents get to answer a dump request, and to hang up once their programs are gone. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Path folder;
    private final Path agentJar;
    private final ServerSocket server;
    private final List<AgentConnection> connections = new CopyOnWriteArrayList<>();
    private final ExecutionDataStore executionData = new ExecutionDataStore();
    private final SessionInfoStore sessionInfos = new SessionInfoStore();

    private CoverageRecorder(Path folder, Path agentJar, ServerSocket server) {
        this.folder = folder;
        this.agentJar = agentJar;
        this.server = server;
        Thread acceptor = new Thread(this::acceptAgents, "coverage-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Extracts the agent into a folder of its own and listens on a free loopback port for the agents. */
    public static CoverageRecorder start() {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("socketlab-coverage-");
            Path agentJar = folder.resolve("jacocoagent.jar");
            AgentJar.extractTo(agentJar.toFile());
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new CoverageRecorder(folder, agentJar, server);
        } catch (IOException e) {
            ProgramLauncher.deleteRecursively(folder);
            throw new HarnessException("cannot set up coverage: " + e.getMessage(), e);
        }
    }

    /** The JVM flag that attaches the agent, recording the classes of {@code io.socketlab.*}. */
    public String agentFlag() {
        return "-javaagent:" + agentJar + "=output=tcpclient,address=" + server.getInetAddress().getHostAddress()
                + ",port=" + server.getLocalPort() + ",includes=io.socketlab.*";
    }

    /** {@code target} with the agent attached to each of its programs, and their coverage taken before each stop. */
    public BuiltinTarget instrument(BuiltinTarget target) {
        return target.withJvmFlags(List.of(agentFlag())).withBeforeStop(this::collect);
    }

    /**
     * Asks the agent of {@code program} for its data and waits, bounded, until it has answered or hung up; what it
     * sends later is ignored. Where the socket tables cannot be read, every connected agent is asked, and nothing is
     * ignored.
     */
    public void collect(RunningProgram program) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Optional<Set<Long>> sockets = program.socketInodes();
        for (AgentConnection connection : connections) {
            Optional<Boolean> owned = sockets.flatMap(connection::isHeldByOneOf);
            if (owned.isEmpty() || owned.get()) {
                connection.dump(deadline, owned.isPresent());
            }
        }
    }

    /**
     * Waits, bounded, until every agent has hung up (their programs have ended), then returns everything received.
     */
    public ExecutionDataStore finish() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (AgentConnection connection : connections) {
            connection.awaitClosed(deadline);
        }
        synchronized (executionData) {
            ExecutionDataStore copy = new ExecutionDataStore();
            executionData.accept(copy);
            return copy;
        }
    }

    /**
     * Once the programs have ended: analyses the classes of {@code exercises} (and the shared {@code common}
     * package) of {@code target}'s module and writes the report into {@code outDir}, unless it is {@code null}.
     */
    public CoverageSummary report(BuiltinTarget target, List<String> exercises, Path outDir) {
        ExecutionDataStore data = finish();
        Path classes = target.classesDir().orElseThrow(() -> new IllegalArgumentException(
                target.name() + " is not a module of this repository: no classes to report coverage on"));
        String root = target.rootPackage().orElse("io.socketlab");
        List<String> packages = new ArrayList<>();
        exercises.forEach(exercise -> packages.add(root + "." + exercise.replace("-", "")));
        packages.add(root + ".common");
        SessionInfoStore infos;
        synchronized (executionData) {
            infos = new SessionInfoStore();
            sessionInfos.accept(infos);
        }
        return CoverageReport.write(data, infos, classes, target.sourcesDir().orElseThrow(), packages, target.name(),
                outDir);
    }

    private void acceptAgents() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                AgentConnection connection = new AgentConnection(socket);
                connections.add(connection);
                Thread reader = new Thread(connection, "coverage-agent-" + socket.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Nothing more will connect either way.
        }
        connections.forEach(AgentConnection::close);
        ProgramLauncher.deleteRecursively(folder);
    }

    /** One agent: its data is read as it comes; a dump request is answered by the data and then a "command ok". */
    private final class AgentConnection implements Runnable {
        private final Socket socket;
        private final RemoteControlWriter writer;
        private final RemoteControlReader reader;
        private int answers;
        private boolean closed;
        /** Set once the dump taken before a stop has arrived: whatever the program sends later is ignored. */
        private volatile boolean sealed;

        AgentConnection(Socket socket) throws IOException {
            this.socket = socket;
            this.writer = new RemoteControlWriter(socket.getOutputStream());
            this.reader = new RemoteControlReader(socket.getInputStream());
            reader.setExecutionDataVisitor(data -> {
                synchronized (executionData) {
                    if (!sealed) {
                        executionData.visitClassExecution(data);
                    }
                }
            });
            reader.setSessionInfoVisitor(info -> {
                synchronized (executionData) {
                    sessionInfos.visitSessionInfo(info);
                }
            });
        }

        @Override
        public void run() {
            try {
                // read() returns after each "command ok" and false at the end of the stream.
                while (reader.read()) {
                    synchronized (this) {
                        answers++;
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // The JVM ended in the middle of a block (killed, or halted during its exit dump): what was
                // received before is whole, a partial block is never visited.
            } finally {
                close();
            }
        }

        /** Whether the agent's end of this connection is one of {@code sockets}; empty when that cannot be told. */
        Optional<Boolean> isHeldByOneOf(Set<Long> sockets) {
            return Readiness.tcpSocketsOn(socket.getPort()).map(ends -> ends.stream().anyMatch(sockets::contains));
        }

        /** Asks for a dump and waits for it; {@code seal}: ignore whatever the agent sends after it. */
        synchronized void dump(long deadline, boolean seal) {
            if (closed) {
                return;
            }
            int before = answers;
            try {
                writer.visitDumpCommand(true, false);
            } catch (IOException e) {
                return; // the program is already going
            }
            awaitUntil(() -> answers != before || closed, deadline);
            sealed = seal;
        }

        synchronized void awaitClosed(long deadline) {
            awaitUntil(() -> closed, deadline);
        }

        private void awaitUntil(BooleanSupplier condition, long deadline) {
            long remaining;
            while (!condition.getAsBoolean() && (remaining = deadline - System.nanoTime()) > 0) {
                try {
                    wait(Math.max(1, remaining / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void close() {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is all we wanted.
            }
        }
    }
}
