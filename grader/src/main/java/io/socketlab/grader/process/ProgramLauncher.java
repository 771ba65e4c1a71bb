package io.socketlab.grader.process;

import io.socketlab.grader.model.HarnessException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts programs as processes with a scrubbed environment, a private temporary folder, and their output drained
 * and capped.
 */
public final class ProgramLauncher {

    /** Variables a program may inherit: what finds interpreters and runtimes, nothing that carries secrets. */
    private static final Set<String> INHERITED = Set.of(
            "PATH", "HOME", "USER", "LOGNAME", "SHELL", "TERM", "TZ", "JAVA_HOME",
            "PYENV_ROOT", "PYENV_VERSION", "VIRTUAL_ENV", "CONDA_PREFIX", "GOPATH", "GOROOT",
            "CARGO_HOME", "RUSTUP_HOME", "NVM_DIR", "NODE_PATH", "DISPLAY", "XAUTHORITY");

    /** Variables that make interpreted programs flush and speak UTF-8. */
    private static final Map<String, String> ADDED = Map.of(
            "PYTHONUNBUFFERED", "1",
            "PYTHONIOENCODING", "utf-8",
            "PYTHONDONTWRITEBYTECODE", "1",
            "LANG", "C.UTF-8",
            "LC_ALL", "C.UTF-8",
            "NODE_NO_WARNINGS", "1",
            "RUBYOPT", "-W0");

    private final Path tempRoot;
    private final Duration grace;
    private final int stdoutHeadLimit;
    private final DockerSandbox sandbox;

    /**
     * @param tempRoot        where each program's private folder is made
     * @param grace           how long SIGTERM gets before SIGKILL
     * @param stdoutHeadLimit how many bytes of a program's stdout are kept whole (clients' output is compared)
     */
    public ProgramLauncher(Path tempRoot, Duration grace, int stdoutHeadLimit) {
        this(tempRoot, grace, stdoutHeadLimit, null);
    }

    /**
     * A launcher that runs every program in a container of {@code sandbox} ({@code null}: as plain processes). The
     * programs' folders are all under {@code tempRoot}, which each container mounts read-write.
     */
    public ProgramLauncher(Path tempRoot, Duration grace, int stdoutHeadLimit, DockerSandbox sandbox) {
        this.tempRoot = tempRoot;
        this.grace = grace;
        this.stdoutHeadLimit = stdoutHeadLimit;
        this.sandbox = sandbox;
    }

    /** Starts {@code command} with {@code arguments} appended. */
    public RunningProgram start(String label, ProgramCommand command, List<String> arguments) {
        Path privateDir;
        try {
            Files.createDirectories(tempRoot);
            privateDir = Files.createTempDirectory(tempRoot, label.replaceAll("[^A-Za-z0-9.-]", "-") + "-");
        } catch (IOException e) {
            throw new HarnessException("cannot create a temporary folder under " + tempRoot, e);
        }
        List<String> commandLine = command.withArguments(arguments);
        Path workingDir = command.workingDir() != null ? command.workingDir() : privateDir;
        Map<String, String> programEnvironment = new HashMap<>(ADDED);
        programEnvironment.put("TMPDIR", privateDir.toString());
        programEnvironment.put("SOCKETLAB_WORKDIR", privateDir.toString());
        Runnable killContainer = null;
        ProcessBuilder builder;
        if (sandbox == null) {
            builder = new ProcessBuilder(commandLine).directory(workingDir.toFile());
            builder.environment().keySet().retainAll(INHERITED);
            builder.environment().putAll(programEnvironment);
        } else {
            // The host's PATH, HOME or JAVA_HOME mean nothing in the image: the container gets only the program's own.
            programEnvironment.put("HOME", "/tmp");
            DockerSandbox.Container sandboxed = sandbox.container(commandLine, workingDir, tempRoot, programEnvironment);
            killContainer = () -> sandbox.kill(sandboxed.name());
            commandLine = sandbox.runCommand(sandboxed);
            builder = new ProcessBuilder(commandLine).directory(privateDir.toFile());
            // The client keeps what finds its engine and its configuration (HOME); the program's go into the container.
            builder.environment().keySet().retainAll(union(INHERITED, DockerSandbox.CLIENT_ENVIRONMENT));
        }
        long start = System.nanoTime();
        try {
            Process process = builder.start();
            OutputCapture stdout = new OutputCapture("out", process.getInputStream(), stdoutHeadLimit, 64 * 1024, start);
            OutputCapture stderr = new OutputCapture("err", process.getErrorStream(), 64 * 1024, 64 * 1024, start);
            return new RunningProgram(label, commandLine, process, stdout, stderr, privateDir, grace,
                    command.beforeStop(), killContainer);
        } catch (IOException e) {
            deleteRecursively(privateDir);
            throw new HarnessException("cannot start `" + command.description() + "`: " + e.getMessage(), e);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** A new empty folder under this launcher's root, for data that outlives one program (a store, uploads). */
    public Path newFolder(String label) {
        try {
            Files.createDirectories(tempRoot);
            return Files.createTempDirectory(tempRoot, label.replaceAll("[^A-Za-z0-9.-]", "-") + "-");
        } catch (IOException e) {
            throw new HarnessException("cannot create a folder under " + tempRoot, e);
        }
    }

    /** Deletes a folder and everything in it, best effort. */
    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A program may still hold a file open for a moment; the session's root folder is removed at the end.
        }
    }
}
