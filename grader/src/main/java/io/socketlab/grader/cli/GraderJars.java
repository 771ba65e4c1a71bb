package io.socketlab.grader.cli;

import io.socketlab.grader.model.GraderEdition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The grader jars as the exports need them: this one, and the public one that student-side grading pins (this jar
 * itself when it is the public edition, else {@value #PUBLIC_JAR} beside it, as the build writes both).
 */
final class GraderJars {

    static final String PUBLIC_JAR = "socketlab-grader-public.jar";
    static final String FULL_JAR = "socketlab-grader.jar";

    private GraderJars() {
    }

    /** The jar this grader runs from; empty when it runs from classes (the build's own tests). */
    static Optional<Path> own() {
        try {
            Path self = Path.of(GraderJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(self) && self.toString().endsWith(".jar") ? Optional.of(self) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The public grader jar: this one, or the one built beside it. */
    static Optional<Path> publicJar() {
        return own().flatMap(self -> GraderEdition.current() == GraderEdition.PUBLIC ? Optional.of(self)
                : Optional.of(self.resolveSibling(PUBLIC_JAR)).filter(Files::isRegularFile));
    }

    /** The full grader jar (every suite, hidden ones included): this one, or the one built beside it. */
    static Optional<Path> fullJar() {
        return own().flatMap(self -> GraderEdition.current() == GraderEdition.FULL ? Optional.of(self)
                : Optional.of(self.resolveSibling(FULL_JAR)).filter(Files::isRegularFile));
    }

    /** The SHA-256 of {@code file}, 64 lowercase hex digits. */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to digest it", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
