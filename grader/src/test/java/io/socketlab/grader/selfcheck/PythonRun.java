package io.socketlab.grader.selfcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Python command run to its end in a folder, its output (stdout and stderr together) kept. */
record PythonRun(int exitCode, String output) {

    /** {@code python3 -m unittest -v} in {@code folder}, as a student runs their tests (without writing bytecode). */
    static PythonRun unittest(Path folder) throws IOException, InterruptedException {
        return run(folder, List.of("python3", "-m", "unittest", "-v"));
    }

    static PythonRun run(Path folder, List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(Files.createDirectories(SelfCheck.SESSIONS), "python", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                throw new AssertionError(String.join(" ", command) + " did not finish within 2 minutes");
            }
            return new PythonRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    /**
     * Copies the files of a Python folder into {@code to}, replacing those of the same name (so that a second folder
     * copied on top completes the first); bytecode caches and a local grading's output stay out.
     */
    static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = from.relativize(file);
                if (relative.toString().contains("__pycache__") || relative.startsWith("grade-report")
                        || relative.startsWith(".socketlab")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
