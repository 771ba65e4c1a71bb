package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import io.socketlab.grader.model.GraderEdition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The grader jars are reproducible, so grade.yml and the autograders can pin their SHA-256. A rebuild usually changes the bytes by stamping
 * entries with the time of the build: here the grader's own entries carry the one time of
 * {@code project.build.outputTimestamp}, and the shaded dependencies keep the times inside their released jars.
 */
class ReproducibleJarIT {

    private static final Path JAR = Path.of(System.getProperty("grader.jar", "target/socketlab-grader.jar"))
            .toAbsolutePath();
    private static final Path PUBLIC_JAR = Path.of(System.getProperty("grader.public.jar",
            "target/socketlab-grader-public.jar")).toAbsolutePath();

    @ParameterizedTest
    @ValueSource(strings = {"full", "public"})
    void noEntryCarriesTheTimeOfTheBuild(String edition) throws IOException {
        List<ZipEntry> entries = entries(edition.equals("full") ? JAR : PUBLIC_JAR);

        assertThat(entries.stream().filter(e -> e.getName().startsWith("io/socketlab/"))
                .map(ZipEntry::getLastModifiedTime).distinct()).as("times of the grader's own entries").hasSize(1);
        FileTime dayAgo = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
        assertThat(entries).as("entries stamped in the last day")
                .noneMatch(e -> e.getLastModifiedTime().compareTo(dayAgo) > 0);
    }

    @Test
    void thePublicJarCarriesNoHiddenSuiteAndSaysSo() throws IOException {
        assertThat(entries(PUBLIC_JAR)).extracting(ZipEntry::getName)
                .contains("io/socketlab/grader/suites/echo/EchoServerSuite.class")
                .noneMatch(name -> name.matches("io/socketlab/grader/suites/[^/]+/hidden/.*"));
        assertThat(entries(JAR)).extracting(ZipEntry::getName)
                .contains("io/socketlab/grader/suites/echo/hidden/EchoServerHiddenSuite.class",
                        "io/socketlab/grader/suites/echo/hidden/messages_es.properties");
        assertThat(edition(PUBLIC_JAR)).isEqualTo("public");
        assertThat(edition(JAR)).isEqualTo("full");
    }

    private static List<ZipEntry> entries(Path path) throws IOException {
        try (ZipFile jar = new ZipFile(path.toFile())) {
            return List.copyOf(Collections.list(jar.entries()));
        }
    }

    private static String edition(Path path) throws IOException {
        try (JarFile jar = new JarFile(path.toFile())) {
            return jar.getManifest().getMainAttributes().getValue(GraderEdition.MANIFEST_ENTRY);
        }
    }
}
