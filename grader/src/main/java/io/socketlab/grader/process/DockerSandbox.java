package io.socketlab.grader.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs every program of a grading session in its own Docker container ({@code grade --sandbox docker}), for
 * untrusted code: the program's command line is wrapped in a {@code docker run} whose container has limited CPU,
 * memory and processes, no capabilities, and a read-only filesystem except the session's folders and {@code /tmp}.
 *
 * <p>The network is <em>not</em> isolated: the container shares the host's network ({@code --network host}) because
 * the grader must reach the programs on loopback, and readiness reads the host's socket table, where the container's
 * sockets then appear.
 *
 * <p>The engine is driven through the {@code docker} CLI, on purpose, rather than Testcontainers: the programs are
 * processes the grader starts, signals and drains like any other (stdin, stdout, SIGTERM proxied by the client), so
 * the CLI is what runs them anyway, and the CLI's own configuration (contexts, {@code DOCKER_HOST}) is what must
 * work; Testcontainers' availability check talks to the engine through another client, which can disagree with the
 * CLI, and would add several MiB of dependencies to the grader jar for one boolean.
 */
public final class DockerSandbox {

    /** The default image: a JDK (for Java targets) on Ubuntu; manifests in Python need an image with python3. */
    public static final String DEFAULT_IMAGE = "eclipse-temurin:17-jdk";

    /** How long a {@code docker info}, {@code docker image inspect} or {@code docker kill} may take. */
    private static final long CLI_TIMEOUT_SECONDS = 5;

    /** Variables the docker client itself needs to find its engine; never passed into a container. */
    static final Set<String> CLIENT_ENVIRONMENT = Set.of(
            "DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG", "DOCKER_CERT_PATH", "DOCKER_TLS_VERIFY");

    /**
     * What each container may use.
     *
     * @param cpus   {@code --cpus}, e.g. {@code 1} or {@code 0.5}
     * @param memory {@code --memory}, e.g. {@code 512m} (swap is not added: {@code --memory-swap} equals it)
     * @param pids   {@code --pids-limit}: processes and threads together
     */
    public record Limits(String cpus, String memory, int pids) {
        public static final Limits DEFAULT = new Limits("1", "512m", 256);
    }

    /**
     * Everything one {@code docker run} is made of; {@link #argv()} is a pure function of it.
     *
     * @param name        the container's name, so it can be killed by name whatever happened to the client
     * @param label       the session's label value ({@code socketlab.session}), for cleaning up by hand
     * @param image       the image to run
     * @param limits      the resource limits
     * @param user        {@code uid:gid} to run as, so files the program writes stay the grader's; null for the image's
     * @param workingDir  the program's working directory (the same path inside and outside)
     * @param readOnly    host folders or files mounted read-only at the same path
     * @param writable    host folders mounted read-write at the same path
     * @param environment the program's variables (the client's own are not passed in)
     * @param command     the program's command line, as run inside the container
     */
    public record Container(String name, String label, String image, Limits limits, String user, Path workingDir,
                            List<Path> readOnly, List<Path> writable, Map<String, String> environment,
                            List<String> command) {

        public Container {
            readOnly = List.copyOf(readOnly);
            writable = List.copyOf(writable);
            environment = Map.copyOf(environment);
            command = List.copyOf(command);
        }

        /** The {@code docker run} command line that starts the program in this container. */
        public List<String> argv() {
            List<String> argv = new ArrayList<>(List.of(
                    "docker", "run", "--rm", "-i", "--init", "--pull", "never",
                    "--name", name, "--label", "socketlab.session=" + label,
                    "--network", "host",
                    "--cpus", limits.cpus(), "--memory", limits.memory(), "--memory-swap", limits.memory(),
                    "--pids-limit", Integer.toString(limits.pids()),
                    "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
                    "--read-only", "--tmpfs", "/tmp"));
            if (user != null) {
                argv.add("--user");
                argv.add(user);
            }
            for (Path path : readOnly) {
                argv.add("-v");
                argv.add(path + ":" + path + ":ro");
            }
            for (Path path : writable) {
                argv.add("-v");
                argv.add(path + ":" + path + ":rw");
            }
            argv.add("-w");
            argv.add(workingDir.toString());
            new TreeMap<>(environment).forEach((key, value) -> {
                argv.add("-e");
                argv.add(key + "=" + value);
            });
            argv.add(image);
            argv.addAll(command);
            return argv;
        }
    }

    private final String docker;
    private final String image;
    private final Limits limits;
    private final List<Path> shared;
    private final String session = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger started = new AtomicInteger();

    /**
     * @param image  the image every program runs in
     * @param limits what each container may use
     * @param shared host folders every program may read (the SocketLab repository, for the built-in targets)
     */
    public DockerSandbox(String image, Limits limits, List<Path> shared) {
        this("docker", image, limits, shared);
    }

    /** A sandbox driving {@code docker} (the CLI's path; tests pass a stand-in). */
    DockerSandbox(String docker, String image, Limits limits, List<Path> shared) {
        this.docker = docker;
        this.image = image;
        this.limits = limits;
        this.shared = List.copyOf(shared);
    }

    /** A sandbox with the default limits sharing the SocketLab repository, when it is found. */
    public static DockerSandbox of(String image) {
        return new DockerSandbox(image, Limits.DEFAULT, Targets.home().map(List::of).orElse(List.of()));
    }

    public String image() {
        return image;
    }

    /** Whether a Docker engine answers {@code docker info} within 5 s. */
    public static boolean available() {
        return unavailableBecause().isEmpty();
    }

    /** Why no Docker engine can be used (the CLI missing, the engine not running); empty when one answers. */
    public static Optional<String> unavailableBecause() {
        return runCli(List.of("docker", "info", "--format", "{{.ServerVersion}}"))
                .map(problem -> "`docker info` failed: " + problem);
    }

    /** Why {@code image} cannot be run (not pulled or built here); empty when it is present. */
    public static Optional<String> imageMissingBecause(String image) {
        return runCli(List.of("docker", "image", "inspect", "--format", "{{.Id}}", image))
                .map(problem -> "image " + image + " is not available locally (`docker pull " + image
                        + "` or build it first; grading never pulls): " + problem);
    }

    /**
     * The container that runs {@code command} for one program.
     *
     * @param command     the program's command line as the target gives it
     * @param workingDir  where it runs
     * @param sessionRoot the session's folder (the program's private folder and every data folder are inside it)
     * @param environment the program's variables
     */
    public Container container(List<String> command, Path workingDir, Path sessionRoot,
                               Map<String, String> environment) {
        List<String> inside = new ArrayList<>(command);
        // A built-in target's programs run on the grader's own JVM, whose path means nothing in the image.
        if (!inside.isEmpty() && inside.get(0).equals(hostJava())) {
            inside.set(0, "java");
        }
        List<Path> writable = List.of(sessionRoot.toAbsolutePath().normalize());
        Set<Path> readOnly = new LinkedHashSet<>();
        List<Path> candidates = new ArrayList<>(shared);
        candidates.add(workingDir);
        candidates.addAll(classpathEntries(inside));
        for (Path candidate : candidates) {
            Path absolute = candidate.toAbsolutePath().normalize();
            boolean covered = writable.stream().anyMatch(absolute::startsWith)
                    || readOnly.stream().anyMatch(absolute::startsWith);
            if (!covered && Files.exists(absolute)) {
                readOnly.add(absolute);
            }
        }
        String name = "socketlab-" + session + "-" + started.incrementAndGet();
        return new Container(name, session, image, limits, owner(sessionRoot).orElse(null),
                workingDir.toAbsolutePath().normalize(), List.copyOf(readOnly), writable, environment, inside);
    }

    /** The command line that starts {@code container}: its {@link Container#argv()} run by this sandbox's CLI. */
    public List<String> runCommand(Container container) {
        List<String> argv = new ArrayList<>(container.argv());
        argv.set(0, docker);
        return argv;
    }

    /** Kills the container by name, bounded; one already gone ({@code --rm}) is not an error. */
    public void kill(String name) {
        runCli(List.of(docker, "kill", name));
    }

    /** Absolute entries of a {@code -cp}/{@code -classpath} argument: the jars and folders a JVM will read. */
    static List<Path> classpathEntries(List<String> command) {
        List<Path> entries = new ArrayList<>();
        for (int i = 0; i + 1 < command.size(); i++) {
            String option = command.get(i);
            if (option.equals("-cp") || option.equals("-classpath") || option.equals("--class-path")) {
                for (String entry : command.get(i + 1).split(File.pathSeparator)) {
                    if (!entry.isBlank() && Path.of(entry).isAbsolute()) {
                        entries.add(Path.of(entry));
                    }
                }
            }
        }
        return entries;
    }

    private static String hostJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code uid:gid} of the folder's owner, where the file system has them. */
    private static Optional<String> owner(Path dir) {
        try {
            Object uid = Files.getAttribute(dir, "unix:uid");
            Object gid = Files.getAttribute(dir, "unix:gid");
            return Optional.of(uid + ":" + gid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Runs a docker CLI command for at most 5 s; empty when it succeeded, else what went wrong. */
    private static Optional<String> runCli(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return Optional.of("cannot run the docker CLI: " + e.getMessage());
        }
        AtomicReference<String> said = new AtomicReference<>("");
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                said.set(new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip());
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the process was killed at the deadline
            }
        }, "docker-cli-output");
        reader.setDaemon(true);
        reader.start();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(CLI_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("no answer within " + CLI_TIMEOUT_SECONDS + " s");
            }
            reader.join(TimeUnit.SECONDS.toMillis(1));
            int exit = process.exitValue();
            return exit == 0 ? Optional.empty()
                    : Optional.of(said.get().isEmpty() ? "exit code " + exit : said.get());
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Optional.of("interrupted");
        }
    }
}
