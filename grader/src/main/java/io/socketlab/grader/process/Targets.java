package io.socketlab.grader.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Turns what a user typed after {@code --target} into a {@link Target}. */
public final class Targets {

    public static final String REFERENCE = "reference";
    public static final String STUDENT = "student";

    private Targets() {
    }

    /**
     * {@code reference} and {@code student} are this repository's modules; anything else is a manifest path.
     *
     * @throws IllegalArgumentException with a message for the user when the target cannot be found
     */
    public static Target resolve(String spec) {
        if (spec.equals(REFERENCE) || spec.equals(STUDENT)) {
            Path home = home().orElseThrow(() -> new IllegalArgumentException(
                    "cannot find the SocketLab repository (a folder with reference/ and student-template/);"
                            + " run from inside it or pass -Dsocketlab.home=DIR"));
            String module = spec.equals(REFERENCE) ? "reference" : "student-template";
            return BuiltinTarget.ofModule(spec, home.resolve(module));
        }
        return ManifestTarget.load(Path.of(spec));
    }

    /**
     * The reference that cross-tests run as the graded program's peer: the one built beside this grader (its jar's or
     * classes' own repository) when that has a built reference module, else the home's. In a student repository's
     * workflow the grader is the pinned upstream's and {@code -Dsocketlab.home} is the student's fork, which has no
     * reference: the peer must come from the grader's side.
     *
     * @throws IllegalArgumentException with a message for the user when no built reference can be found
     */
    public static Target peerReference() {
        Optional<Path> besideGrader = graderRepository()
                .filter(dir -> Files.isRegularFile(dir.resolve("reference/target/runtime-classpath.txt")));
        if (besideGrader.isPresent()) {
            return BuiltinTarget.ofModule(REFERENCE, besideGrader.get().resolve("reference"));
        }
        return resolve(REFERENCE);
    }

    /**
     * The repository's root: {@code -Dsocketlab.home}, else the first folder holding both modules found walking up
     * from the working directory, else from the grader jar's own location.
     */
    public static Optional<Path> home() {
        String configured = System.getProperty("socketlab.home");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured).toAbsolutePath().normalize());
        }
        Optional<Path> fromWorkingDir = searchUpwards(Path.of("").toAbsolutePath());
        if (fromWorkingDir.isPresent()) {
            return fromWorkingDir;
        }
        return graderRepository();
    }

    /** The repository this grader was built in: walking up from its jar or classes folder. */
    private static Optional<Path> graderRepository() {
        try {
            Path codeSource = Path.of(Targets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return searchUpwards(codeSource);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> searchUpwards(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("reference")) && Files.isDirectory(dir.resolve("student-template"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
