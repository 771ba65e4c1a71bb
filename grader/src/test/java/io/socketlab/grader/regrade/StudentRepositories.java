package io.socketlab.grader.regrade;

import io.socketlab.grader.export.Pins;
import io.socketlab.grader.export.StudentExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Students' git repositories made in a test: the exported template, with their work committed at given dates. */
final class StudentRepositories {

    /** The harness repository the tests run in (the surefire configuration passes it). */
    static final Path HOME = Path.of(System.getProperty("socketlab.home", "..")).toAbsolutePath().normalize();

    private final Path dir;
    private Path template;

    StudentRepositories(Path dir) {
        this.dir = dir;
    }

    /** A new repository holding what students are given, committed at {@code date}. */
    Path template(String name, String date) throws Exception {
        if (template == null) {
            template = dir.resolve(".template");
            new StudentExport(HOME, new Pins("uni/socketlab", "v1", null)).writeTo(template);
        }
        Path repository = dir.resolve(name);
        copy(template, repository);
        git(repository, null, "init", "-q", "-b", "main");
        commit(repository, date, "the template");
        return repository;
    }

    /**
     * The reference's programs in place of the template's: a solution with full marks. The template's own tests go
     * with the template's programs (they test the template's classes).
     */
    static void putReference(Path repository) throws IOException {
        Path main = repository.resolve("student-template/src/main");
        delete(main);
        delete(repository.resolve("student-template/src/test"));
        copy(HOME.resolve("reference/src/main"), main);
    }

    /**
     * Half the work: the reference's sockets programs beside the template's, and the program list pointing sockets at
     * them (echo stays the template's).
     */
    static void putReferenceSockets(Path repository) throws IOException {
        Path main = repository.resolve("student-template/src/main");
        for (String pkg : List.of("sockets", "common")) {
            copy(HOME.resolve("reference/src/main/java/io/socketlab/reference/" + pkg),
                    main.resolve("java/io/socketlab/reference/" + pkg));
        }
        Path programs = main.resolve("resources/META-INF/socketlab/programs.properties");
        String list = Files.readString(programs, StandardCharsets.UTF_8)
                .replaceAll("(?m)^sockets\\.server *=.*$", "sockets.server = io.socketlab.reference.sockets.SocketsServer")
                .replaceAll("(?m)^sockets\\.client *=.*$", "sockets.client = io.socketlab.reference.sockets.SocketsClient");
        Files.writeString(programs, list, StandardCharsets.UTF_8);
    }

    /** A new repository holding the independent Python implementation and its manifest, committed at {@code date}. */
    Path python(String name, String date) throws Exception {
        Path repository = dir.resolve(name);
        copy(HOME.resolve("examples/python"), repository);
        git(repository, null, "init", "-q", "-b", "main");
        commit(repository, date, "python");
        return repository;
    }

    static void commit(Path repository, String date, String message) throws Exception {
        git(repository, null, "add", "-A");
        git(repository, date, "-c", "user.name=Student", "-c", "user.email=student@example.org", "commit", "-q",
                "--allow-empty", "-m", message);
    }

    static String head(Path repository) throws Exception {
        return git(repository, null, "rev-parse", "HEAD").strip();
    }

    static String git(Path repository, String date, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true);
        if (date != null) {
            builder.environment().putAll(Map.of("GIT_COMMITTER_DATE", date, "GIT_AUTHOR_DATE", date));
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", arguments) + " failed: " + output);
        }
        return output;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = from.relativize(file);
                if (relative.toString().contains("__pycache__") || relative.startsWith("target")) {
                    continue;
                }
                Path copy = to.resolve(relative.toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    static void delete(Path dir) {
        Tree.delete(dir);
    }
}
