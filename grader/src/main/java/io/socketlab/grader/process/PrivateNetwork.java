package io.socketlab.grader.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The grading session's own network: a namespace with loopback only, shared by the grader and every program it
 * starts, so programs reach the grader and each other and nothing else, and the grader's readiness checks see their
 * sockets. A JVM cannot move itself into a namespace, so {@code grade} relaunches itself there: under bubblewrap
 * with {@code --unshare-net} ({@code --sandbox ns}), or with {@code nsenter} into the network namespace of a holder
 * container started with {@code --network none} ({@code --sandbox docker}).
 */
public final class PrivateNetwork {

    /**
     * Set in the relaunched grader's environment: {@code ns}, or {@code container:NAME} for the holder container
     * its programs join. A grader that finds it set and still sees a network refuses to run.
     */
    public static final String VARIABLE = "SOCKETLAB_PRIVATE_NETWORK";

    private PrivateNetwork() {
    }

    /** Whether every network interface of this process is a loopback, at least one of them up. */
    public static boolean isLoopbackOnly() {
        try {
            List<NetworkInterface> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
            boolean loopbackUp = false;
            for (NetworkInterface networkInterface : interfaces) {
                if (!networkInterface.isLoopback()) {
                    return false;
                }
                loopbackUp |= networkInterface.isUp();
            }
            return loopbackUp;
        } catch (SocketException | NullPointerException e) {
            return false;
        }
    }

    /** What the process that relaunched this one set in {@link #VARIABLE}; empty in a grader started by hand. */
    public static Optional<String> relaunchedAs() {
        return Optional.ofNullable(System.getenv(VARIABLE)).filter(v -> !v.isBlank());
    }

    /**
     * Runs this grader again with {@code arguments} in a new network namespace (bubblewrap, loopback up), copying its
     * output to {@code out} and {@code err}, and returns its exit code.
     */
    public static int relaunchIsolated(List<String> arguments, PrintWriter out, PrintWriter err) {
        List<String> command = new ArrayList<>(List.of(Tools.bwrap(), "--unshare-net", "--die-with-parent",
                "--dev-bind", "/", "/", "--"));
        command.addAll(GraderJvm.command(arguments));
        // bubblewrap forwards no signal: the relaunched grader is its child.
        return run(command, "ns", 1, out, err);
    }

    /**
     * Runs this grader again with {@code arguments} in the network namespace of the process {@code holderPid} (a
     * container's), copying its output, and returns its exit code; {@code network} is what its programs pass to
     * {@code docker run --network}.
     */
    public static int relaunchInto(long holderPid, String network, List<String> arguments, PrintWriter out,
                                   PrintWriter err) {
        List<String> command = new ArrayList<>(List.of("nsenter", "--net=/proc/" + holderPid + "/ns/net", "--"));
        command.addAll(GraderJvm.command(arguments));
        // nsenter execs the grader: the process is the relaunched grader itself.
        return run(command, network, 0, out, err);
    }

    private static int run(List<String> command, String marker, int wrapperDepth, PrintWriter out, PrintWriter err) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(VARIABLE, marker);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            err.println("socketlab-grader: cannot relaunch the grader in a private network: " + e.getMessage());
            err.flush();
            return 3;
        }
        // Whatever ends this JVM ends the relaunched one and, through it, every program.
        Thread stopper = new Thread(() -> ProcessTree.stop(process.toHandle(), Duration.ofSeconds(10), wrapperDepth));
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            process.getOutputStream().close();
            Thread copyOut = copy(process.getInputStream(), out);
            Thread copyErr = copy(process.getErrorStream(), err);
            int exit = process.waitFor();
            copyOut.join();
            copyErr.join();
            return exit;
        } catch (IOException e) {
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTree.stop(process.toHandle(), Duration.ofSeconds(10), wrapperDepth);
            return 3;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // Shutting down already: the hook runs.
            }
        }
    }

    private static Thread copy(InputStream from, PrintWriter to) {
        Thread copier = new Thread(() -> {
            try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
                char[] buffer = new char[8192];
                int n;
                while ((n = reader.read(buffer)) != -1) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // The relaunched grader is gone.
            }
        }, "socketlab-relaunch-output");
        copier.setDaemon(true);
        copier.start();
        return copier;
    }
}
