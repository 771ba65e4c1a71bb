package io.socketlab.grader.process;

import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Text;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts programs as processes with a scrubbed environment, a private temporary folder, and their output drained
 * and capped.
 */
public final class ProgramLauncher {

    /** Variables a program may inherit: what finds interpreters and runtimes, nothing that carries secrets. */
    static final Set<String> INHERITED = Set.of(
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
    private final Sandbox sandbox;

    /**
     * @param tempRoot        where each program's private folder is made
     * @param grace           how long SIGTERM gets before SIGKILL
     * @param stdoutHeadLimit how many bytes of a program's stdout are kept whole (clients' output is compared)
     */
    public ProgramLauncher(Path tempRoot, Duration grace, int stdoutHeadLimit) {
        this(tempRoot, grace, stdoutHeadLimit, Sandbox.NONE);
    }

    /**
     * A launcher that runs every program in {@code sandbox}. The programs' folders are all under {@code tempRoot};
     * a sandbox lets each program write its own folder and the data folders its arguments name, nothing else.
     */
    public ProgramLauncher(Path tempRoot, Duration grace, int stdoutHeadLimit, Sandbox sandbox) {
        this.tempRoot = tempRoot;
        this.grace = grace;
        this.stdoutHeadLimit = stdoutHeadLimit;
        this.sandbox = sandbox == null ? Sandbox.NONE : sandbox;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    /** Starts {@code command} with {@code arguments} appended, with the grader's variables that find runtimes. */
    public RunningProgram start(String label, ProgramCommand command, List<String> arguments) {
        return start(label, command, arguments, stdoutHeadLimit);
    }

    /**
     * Like {@link #start(String, ProgramCommand, List)}, keeping {@code stdoutLimit} bytes of stdout whole instead of
     * the launcher's own limit: for a client whose output the grader compares with more than that.
     */
    public RunningProgram start(String label, ProgramCommand command, List<String> arguments, int stdoutLimit) {
        Map<String, String> inherited = new HashMap<>(System.getenv());
        inherited.keySet().retainAll(INHERITED);
        return start(label, command, arguments, inherited, stdoutLimit);
    }

    /** How many bytes of a program's stdout are kept whole unless a start says otherwise. */
    public int stdoutHeadLimit() {
        return stdoutHeadLimit;
    }

    /**
     * Starts {@code command} with {@code arguments} appended and {@code variables} as its environment, to which the
     * launcher adds its own ({@code TMPDIR}, {@code SOCKETLAB_WORKDIR}, the UTF-8 ones).
     */
    public RunningProgram start(String label, ProgramCommand command, List<String> arguments,
                                Map<String, String> variables) {
        return start(label, command, arguments, variables, stdoutHeadLimit);
    }

    private RunningProgram start(String label, ProgramCommand command, List<String> arguments,
                                 Map<String, String> variables, int stdoutLimit) {
        Path privateDir = newFolder(label);
        List<String> commandLine = command.withArguments(arguments);
        Path workingDir = command.workingDir() != null ? command.workingDir() : privateDir;
        Map<String, String> environment = new HashMap<>(variables);
        environment.putAll(ADDED);
        environment.put("TMPDIR", privateDir.toString());
        environment.put("SOCKETLAB_WORKDIR", privateDir.toString());
        List<Path> writable = new ArrayList<>(List.of(privateDir));
        writable.addAll(dataFolders(commandLine));
        writable.addAll(command.writable());
        List<Path> readable = new ArrayList<>(codePaths(commandLine));
        readable.addAll(command.readable());
        Confinement confinement;
        try {
            confinement = sandbox.confine(new Sandbox.Launch(label, commandLine, workingDir, privateDir, tempRoot,
                    writable, readable, environment));
        } catch (RuntimeException e) {
            deleteRecursively(privateDir);
            throw e;
        }
        ProcessBuilder builder = new ProcessBuilder(confinement.argv())
                .directory((sandbox == Sandbox.NONE ? workingDir : privateDir).toFile());
        builder.environment().clear();
        builder.environment().putAll(confinement.environment());
        long start = System.nanoTime();
        try {
            Process process = spawn(builder);
            OutputCapture stdout = new OutputCapture("out", process.getInputStream(), stdoutLimit, 64 * 1024, start);
            OutputCapture stderr = new OutputCapture("err", process.getErrorStream(), 64 * 1024, 64 * 1024, start);
            return new RunningProgram(label, commandLine, process, stdout, stderr, privateDir, grace,
                    command.beforeStop(), confinement);
        } catch (IOException e) {
            confinement.release();
            deleteRecursively(privateDir);
            throw new HarnessException(Text.format("cannot start `%s`: %s", "no se puede arrancar `%s`: %s",
                    command.description(), whyNotStarted(e)), e);
        }
    }

    /**
     * Why the system would not start a program: the JDK's message in English; in Spanish the system's reason for the
     * usual causes (a missing file, a file that may not be run), else the JDK's message as it is.
     */
    static Text whyNotStarted(IOException e) {
        String message = String.valueOf(e.getMessage());
        String es = message.contains("error=2,") ? "no existe ese fichero o carpeta"
                : message.contains("error=13,") ? "permiso denegado (¿le falta el permiso de ejecución?)"
                : message.contains("error=8,") ? "no es un ejecutable válido (¿le falta la línea #!?)"
                : message;
        return Text.of(message, es);
    }

    /**
     * How a command run to its end went.
     *
     * @param exitCode    its exit code; empty when it was still running at the deadline and was stopped
     * @param log         its output, head and tail of both streams, timestamped
     * @param limitBreach the sandbox limit it ran into, if any
     */
    public record Finished(OptionalInt exitCode, String log, Optional<LimitBreach> limitBreach) {
        public boolean timedOut() {
            return exitCode.isEmpty();
        }
    }

    /**
     * Runs {@code command} with {@code arguments} and no input in this launcher's sandbox until it exits, at most
     * {@code timeout} (then it is stopped: SIGTERM, the grace period, SIGKILL), and removes its private folder. A
     * command that builds or tests code passes the folders it reads and writes through
     * {@link ProgramCommand#withFolders}; in {@code --sandbox ns} outside a grading session it has a network of its
     * own with loopback only.
     */
    public Finished run(String label, ProgramCommand command, List<String> arguments, Duration timeout) {
        try (RunningProgram program = start(label, command, arguments)) {
            program.closeStdin();
            OptionalInt exit = program.awaitExit(timeout);
            program.close();
            return new Finished(exit, program.log(), program.limitBreach());
        }
    }

    /**
     * Starts {@code builder}'s process from one thread that lives as long as the JVM. A sandbox's wrapper asks to
     * be killed when its parent dies ({@code bwrap --die-with-parent}), and Linux means the parent <em>thread</em>:
     * started from a test's own thread, a server would be killed when that test ends.
     */
    private static Process spawn(ProcessBuilder builder) throws IOException {
        try {
            return SPAWNER.submit(builder::start).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new HarnessException(Text.format("cannot start a process: %s", "no se puede arrancar un proceso: %s",
                    e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a process", e);
        }
    }

    private static final ExecutorService SPAWNER =
            Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "socketlab-spawner");
                thread.setDaemon(true);
                return thread;
            });

    /**
     * The data folders a command line names: every path inside this launcher's root that an argument holds, alone
     * or after a {@code =} or {@code :} ({@code --store=F}, {@code -javaagent:A=destfile=F}), stands for the folder
     * made there by {@link #newFolder}: the {@code --store} file's folder, the {@code --dir} itself.
     */
    List<Path> dataFolders(List<String> commandLine) {
        String root = tempRoot.toAbsolutePath().normalize() + "/";
        Set<Path> folders = new LinkedHashSet<>();
        for (String argument : commandLine) {
            for (int at = argument.indexOf(root); at >= 0; at = argument.indexOf(root, at + 1)) {
                boolean starts = at == 0 || argument.charAt(at - 1) == '=' || argument.charAt(at - 1) == ':';
                String rest = argument.substring(at + root.length());
                String name = rest.split("[/=:,]", 2)[0];
                Path folder = Path.of(root, name);
                if (starts && !name.isEmpty() && Files.isDirectory(folder)) {
                    folders.add(folder);
                }
            }
        }
        return List.copyOf(folders);
    }

    /** The code a command line runs besides its working folder: {@code -cp} entries and {@code -javaagent} jars. */
    static List<Path> codePaths(List<String> commandLine) {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < commandLine.size(); i++) {
            String argument = commandLine.get(i);
            if ((argument.equals("-cp") || argument.equals("-classpath") || argument.equals("--class-path"))
                    && i + 1 < commandLine.size()) {
                for (String entry : commandLine.get(i + 1).split(File.pathSeparator)) {
                    if (!entry.isBlank() && Path.of(entry).isAbsolute()) {
                        paths.add(Path.of(entry));
                    }
                }
            } else if (argument.startsWith("-javaagent:")) {
                String jar = argument.substring("-javaagent:".length()).split("=", 2)[0];
                if (Path.of(jar).isAbsolute()) {
                    paths.add(Path.of(jar));
                }
            }
        }
        return paths;
    }

    /** A new empty folder under this launcher's root, for data that outlives one program (a store, uploads). */
    public Path newFolder(String label) {
        try {
            Files.createDirectories(tempRoot);
            return Files.createTempDirectory(tempRoot, label.replaceAll("[^A-Za-z0-9.-]", "-") + "-");
        } catch (IOException e) {
            throw new HarnessException(Text.format("cannot create a folder under %s", "no se puede crear una carpeta en %s",
                    tempRoot), e);
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
