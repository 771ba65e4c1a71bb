package io.socketlab.grader.process;

import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Starts a server on a free port and waits until it is ready, without fixed sleeps: polls the kernel's socket
 * table while checking the process is alive, and that the listening socket is the server's own (its processes hold
 * it). A start lost to a port taken meanwhile, by the server's bind failing or by another program's socket in its
 * place, is retried on another port and never charged to the student.
 */
public final class ServerStarter {

    /** What a program prints when the port it was given was taken between allocation and bind. */
    private static final Pattern ADDRESS_IN_USE =
            Pattern.compile("(?i)address already in use|EADDRINUSE|BindException|Errno 98");
    private static final int ATTEMPTS = 3;
    /** How long a socket of another program may hold the server's port before the start is counted as stolen. */
    private static final Duration STOLEN_AFTER = Duration.ofSeconds(1);

    /** Why a server never became ready: the student's program, not the harness. */
    public static final class StartFailure extends Exception {
        private final RunningProgram program;
        private final boolean exited;
        private final int port;

        StartFailure(String message, RunningProgram program, boolean exited, int port) {
            super(message);
            this.program = program;
            this.exited = exited;
            this.port = port;
        }

        /** The port the server was given with {@code --port}. */
        public int port() {
            return port;
        }

        /** The stopped program, for its output. */
        public RunningProgram program() {
            return program;
        }

        /** True when the process exited; false when it ran but never listened. */
        public boolean exited() {
            return exited;
        }
    }

    /** A server that is ready on {@code port}. */
    public record StartedServer(RunningProgram program, int port) {
    }

    private final ProgramLauncher launcher;
    private final PortAllocator ports;

    public ServerStarter(ProgramLauncher launcher, PortAllocator ports) {
        this.launcher = launcher;
        this.ports = ports;
    }

    /**
     * Starts the server with {@code --port N} followed by {@code extraArguments}.
     *
     * @throws StartFailure when the program exits or does not listen within {@code readyWithin}
     */
    public StartedServer start(String label, ProgramCommand command, List<String> extraArguments,
                               Readiness readiness, Duration readyWithin) throws StartFailure {
        for (int attempt = 1; ; attempt++) {
            int port = ports.allocate(readiness != Readiness.TCP);
            List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(port)));
            arguments.addAll(extraArguments);
            RunningProgram program = launcher.start(label, command, arguments);
            AtomicBoolean stolen = new AtomicBoolean();
            Optional<String> problem = awaitReady(program, readiness, port, readyWithin, stolen);
            if (problem.isEmpty()) {
                return new StartedServer(program, port);
            }
            if (stolen.get()) {
                // Another program (another grading session's, say) took the port before this one could bind it.
                program.close();
                if (attempt < ATTEMPTS) {
                    continue;
                }
                throw new HarnessException(Text.format("port %d was taken by another program %d times in a row",
                        "otro programa ocupó el puerto %d %d veces seguidas", port, ATTEMPTS));
            }
            boolean exited = program.exitCode().isPresent();
            // A server that never listened because a busy machine never gave it a processor is not at fault; one that
            // ran into a sandbox limit is.
            Duration starved = exited || program.limitBreach().isPresent() ? Duration.ZERO
                    : RunQueue.waited(program.handle());
            program.close();
            if (starved.compareTo(readyWithin.dividedBy(2)) >= 0) {
                throw new HarnessException(Text.format("the server waited %.1f s of %.1f s for a processor without"
                        + " listening: the machine is overloaded", "el servidor esperó %.1f s de %.1f s a un procesador"
                        + " sin llegar a escuchar: la máquina está sobrecargada", starved.toMillis() / 1000.0,
                        readyWithin.toMillis() / 1000.0));
            }
            try {
                // The whole of stderr is needed to tell a port taken meanwhile from the student's own failure.
                program.stderr().awaitEnd(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (exited && ADDRESS_IN_USE.matcher(program.stderr().tailText(4000)).find()) {
                if (attempt < ATTEMPTS) {
                    continue;
                }
                throw new HarnessException(Text.format("port %d was taken %d times in a row",
                        "el puerto %d estuvo ocupado %d veces seguidas", port, ATTEMPTS));
            }
            throw new StartFailure(problem.get(), program, exited, port);
        }
    }

    /**
     * Waits until the server is ready on {@code port} with a socket of its own, or exits, or the time is up. Sockets
     * of another program on that port (seen for a second while the server runs) set {@code stolen}.
     */
    private static Optional<String> awaitReady(RunningProgram program, Readiness readiness, int port, Duration limit,
                                               AtomicBoolean stolen) {
        AtomicLong othersSince = new AtomicLong(-1);
        try {
            Awaitility.await("server on port " + port)
                    .atMost(limit)
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        if (!program.isAlive()) {
                            return true;
                        }
                        if (!readiness.isReady(port)) {
                            othersSince.set(-1);
                            return false;
                        }
                        Optional<Set<Long>> own = program.socketInodes();
                        if (own.isEmpty() || readiness.isOwnedBy(port, own.get())) {
                            return true;
                        }
                        long now = System.nanoTime();
                        othersSince.compareAndSet(-1, now);
                        stolen.set(now - othersSince.get() > STOLEN_AFTER.toNanos());
                        return stolen.get();
                    });
        } catch (ConditionTimeoutException e) {
            return Optional.of(String.format(Locale.ROOT, "it did not listen on port %d within %.1f s (%s)",
                    port, limit.toMillis() / 1000.0, describe(readiness)));
        }
        if (stolen.get() && program.isAlive()) {
            return Optional.of("port " + port + " is held by another program");
        }
        stolen.set(false);
        if (!program.isAlive()) {
            return Optional.of("it exited with code " + program.exitCode().orElse(-1)
                    + " before listening on port " + port);
        }
        return Optional.empty();
    }

    private static String describe(Readiness readiness) {
        return switch (readiness) {
            case TCP -> "a TCP socket in LISTEN state";
            case UDP -> "a bound UDP socket";
            case TCP_AND_UDP -> "a listening TCP socket and a bound UDP socket on the same port";
        };
    }
}
