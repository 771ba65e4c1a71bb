package io.socketlab.reference;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A reference program in its own JVM, as the grader runs it, with its stdout and stderr in files. */
public final class ForkedProgram implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ForkedProgram(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code mainClass} with {@code args}, extra environment {@code env}, its output kept in {@code logs}. */
    public static ForkedProgram start(Path logs, Class<?> mainClass, Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", classesFolder(mainClass),
                mainClass.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(logs);
        Path stdout = Files.createTempFile(logs, mainClass.getSimpleName(), ".out");
        Path stderr = Files.createTempFile(logs, mainClass.getSimpleName(), ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        // No window pops up on a developer's desktop: only a test that gives a DISPLAY gets one.
        builder.environment().remove("DISPLAY");
        builder.environment().putAll(env);
        return new ForkedProgram(builder.start(), stdout, stderr);
    }

    /** Runs {@code mainClass} to its end (at most 60 s) and returns it, finished. */
    public static ForkedProgram run(Path logs, Class<?> mainClass, String... args) throws IOException, InterruptedException {
        ForkedProgram program = start(logs, mainClass, Map.of(), args);
        if (!program.process.waitFor(60, TimeUnit.SECONDS)) {
            program.close();
            throw new AssertionError(mainClass.getSimpleName() + " still running after 60 s");
        }
        return program;
    }

    /** A UDP port free at this moment. */
    public static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int exitCode() {
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    public String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** Stops the program (SIGTERM, then a kill after 5 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classesFolder(Class<?> mainClass) {
        try {
            return Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
