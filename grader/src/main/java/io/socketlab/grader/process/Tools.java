package io.socketlab.grader.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The system tools the sandboxes drive (bubblewrap, util-linux, the docker CLI), found and run with a deadline. */
final class Tools {

    /** The property naming the bubblewrap executable (tests point it at a stand-in); {@code bwrap} on the PATH. */
    static final String BWRAP_PROPERTY = "socketlab.bwrap";
    /** The property naming the docker CLI (tests point it at a stand-in); {@code docker} on the PATH. */
    static final String DOCKER_PROPERTY = "socketlab.docker";
    private static final java.util.Map<String, Optional<String>> BUBBLEWRAP_PROBLEMS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Tools() {
    }

    /** How a tool run ended: its exit code (-1 when it did not end in time) and the start of its output. */
    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }

        /** The output's first line, or the exit code when it printed nothing. */
        String firstLine() {
            String line = output.strip().lines().findFirst().orElse("");
            return line.isEmpty() ? (exit < 0 ? "no answer in time" : "exit code " + exit) : line;
        }
    }

    /** The bubblewrap executable. */
    static String bwrap() {
        return System.getProperty(BWRAP_PROPERTY, "bwrap");
    }

    /** The docker CLI. */
    static String docker() {
        return System.getProperty(DOCKER_PROPERTY, "docker");
    }

    /** Whether this process runs as root. */
    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The executable {@code name} on this process's PATH. */
    static Optional<Path> which(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Runs {@code command} with no input for at most {@code limit}, keeping the first 4 KiB of its output. */
    static Result run(List<String> command, Duration limit) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        }
        AtomicReference<String> said = new AtomicReference<>("");
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                said.set(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // The process was killed at the deadline.
            }
        }, "socketlab-tool-output");
        reader.setDaemon(true);
        reader.start();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "no answer within " + limit.toSeconds() + " s");
            }
            reader.join(TimeUnit.SECONDS.toMillis(1));
            return new Result(process.exitValue(), said.get());
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Result(-1, "interrupted");
        }
    }

    /** Why bubblewrap cannot sandbox programs here, in one sentence; empty when it can (checked once). */
    static Optional<String> bubblewrapProblem() {
        return BUBBLEWRAP_PROBLEMS.computeIfAbsent(bwrap(), Tools::checkBubblewrap);
    }

    private static Optional<String> checkBubblewrap(String bwrap) {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.of("it needs Linux (namespaces through bubblewrap); this is " + os);
        }
        if (!Path.of(bwrap).isAbsolute() && which(bwrap).isEmpty()) {
            return Optional.of("bubblewrap is not installed (apt-get install bubblewrap)");
        }
        Result version = run(List.of(bwrap, "--version"), Duration.ofSeconds(5));
        String[] numbers = version.output().replaceAll("[^0-9.]", " ").strip().split("[ .]+");
        if (!version.ok() || numbers.length < 2 || !numbers[0].matches("\\d+") || !numbers[1].matches("\\d+")
                || Integer.parseInt(numbers[0]) == 0 && Integer.parseInt(numbers[1]) < 8) {
            return Optional.of("bubblewrap 0.8 or later is needed, this is " + version.firstLine());
        }
        for (String tool : isRoot() ? List.of("setpriv", "prlimit") : List.of("prlimit")) {
            if (which(tool).isEmpty()) {
                return Optional.of(tool + " (util-linux) is not installed");
            }
        }
        Result probe = run(List.of(bwrap, "--die-with-parent", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
                "--unshare-net", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "--", "/bin/true"),
                Duration.ofSeconds(10));
        if (!probe.ok()) {
            String hint = isRoot() ? "" : " (user namespaces look restricted for this user: run the grader as root,"
                    + " or on Ubuntu 23.10 and later allow them with"
                    + " `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`)";
            return Optional.of("bubblewrap cannot make namespaces here: " + probe.firstLine() + hint);
        }
        return Optional.empty();
    }
}
