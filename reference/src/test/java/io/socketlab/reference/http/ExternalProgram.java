package io.socketlab.reference.http;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs a program outside the JVM with a time limit, and kills it with all its children afterwards. */
final class ExternalProgram {

    /** What a finished program left: its exit code and its output. */
    record Result(int exitCode, byte[] stdout, String stderr) {

        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private ExternalProgram() {
    }

    /** The first of {@code candidates} that is an executable file or a program on the PATH, or null. */
    static Path find(String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (path.isAbsolute() && Files.isExecutable(path)) {
                return path;
            }
            String pathVariable = System.getenv().getOrDefault("PATH", "");
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!path.isAbsolute() && !dir.isEmpty() && Files.isExecutable(Path.of(dir, candidate))) {
                    return Path.of(dir, candidate);
                }
            }
        }
        return null;
    }

    /**
     * Runs {@code command} with its output in files of {@code workDir} (no pipe can fill up and
     * block it), and fails if it has not ended within {@code timeout}.
     */
    static Result run(Duration timeout, Path workDir, List<String> command) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(workDir, "stdout", ".bin");
        Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(command.get(0) + " did not finish within " + timeout.toSeconds()
                        + " s; its stderr ends with: " + tail(Files.readString(stderr)));
            }
            return new Result(process.exitValue(), Files.readAllBytes(stdout), Files.readString(stderr));
        } finally {
            // A browser leaves helper processes behind: end the whole tree.
            Stream.concat(process.descendants(), Stream.of(process.toHandle())).forEach(ProcessHandle::destroyForcibly);
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    static String tail(String text) {
        return text.length() <= 2_000 ? text : "..." + text.substring(text.length() - 2_000);
    }
}
