package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The grader jar is reproducible, so grade.yml can pin its SHA-256. A rebuild usually changes the bytes by stamping
 * entries with the time of the build: here the grader's own entries carry the one time of
 * {@code project.build.outputTimestamp}, and the shaded dependencies keep the times inside their released jars.
 */
class ReproducibleJarIT {

    private static final Path JAR = Path.of(System.getProperty("grader.jar", "target/socketlab-grader.jar"))
            .toAbsolutePath();

    @Test
    void noEntryCarriesTheTimeOfTheBuild() throws IOException {
        List<ZipEntry> entries;
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            entries = List.copyOf(Collections.list(jar.entries()));
        }

        assertThat(entries.stream().filter(e -> e.getName().startsWith("io/socketlab/"))
                .map(ZipEntry::getLastModifiedTime).distinct()).as("times of the grader's own entries").hasSize(1);
        FileTime dayAgo = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
        assertThat(entries).as("entries stamped in the last day")
                .noneMatch(e -> e.getLastModifiedTime().compareTo(dayAgo) > 0);
    }
}
