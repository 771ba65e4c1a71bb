package io.socketlab.grader.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Student repositories as the platform tests need them: the course's tree, an export, and the reference put in. */
final class Forks {

    private Forks() {
    }

    /** The harness tree as a fresh clone has it: no {@code .git}, no build output where Maven writes it. */
    static Path cleanCopy(Path harness, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(harness)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path relative = harness.relativize(source);
                if (skipped(relative)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(source)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    private static boolean skipped(Path relative) {
        for (int i = 0; i < relative.getNameCount(); i++) {
            String part = relative.getName(i).toString();
            if (part.equals(".git") || part.equals("node_modules") || (part.equals("target") && i <= 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A student who did the work: the reference's code copied into the template's module and its programs list
     * taking the template's place (both build with the template's pom: the reference needs only Jackson too).
     */
    static void putReferenceIn(Path harness, Path fork) throws IOException {
        WorkflowRunner.copyTree(harness.resolve("reference/src/main/java/io/socketlab/reference"),
                fork.resolve("student-template/src/main/java/io/socketlab/reference"));
        Files.copy(harness.resolve("reference/src/main/resources/META-INF/socketlab/programs.properties"),
                fork.resolve("student-template/src/main/resources/META-INF/socketlab/programs.properties"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
