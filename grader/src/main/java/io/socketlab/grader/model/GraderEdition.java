package io.socketlab.grader.model;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Which suites this grader carries. The public edition (student-side grading: the student workflow, Classroom 50's
 * autograder, {@code grade.sh}) has the public suites only, so no hidden test ever reaches a runner a student
 * controls; its score is feedback. The full edition (the class regrade, Gradescope) has every suite, hidden ones
 * included; its score is the authority.
 */
public enum GraderEdition {
    PUBLIC, FULL;

    /** The manifest entry the build writes into each grader jar. */
    public static final String MANIFEST_ENTRY = "SocketLab-Edition";

    /** This grader's edition: from its jar's manifest; a grader run from classes (the build's tests) is full. */
    public static GraderEdition current() {
        try {
            URL location = GraderEdition.class.getProtectionDomain().getCodeSource().getLocation();
            if (location == null || !location.getPath().endsWith(".jar")) {
                return FULL;
            }
            try (JarFile jar = new JarFile(new File(location.toURI()))) {
                Manifest manifest = jar.getManifest();
                String value = manifest == null ? null : manifest.getMainAttributes().getValue(MANIFEST_ENTRY);
                return value == null ? FULL : valueOf(value.trim().toUpperCase(Locale.ROOT));
            }
        } catch (IOException | java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
            return FULL;
        }
    }
}
