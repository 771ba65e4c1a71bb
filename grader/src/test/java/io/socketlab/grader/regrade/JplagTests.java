package io.socketlab.grader.regrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.grader.classreport.Similarity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JPlag over a regrade's sources: copies are found, the template alone is not similar to anything. */
class JplagTests {

    @Test
    void copiedSubmissionsAreTheMostSimilarPairAndTheTemplateIsBaseCode(@TempDir Path dir) throws Exception {
        Jplag jplag = new Jplag(null, null);
        Path students = dir.resolve("students");
        Path reference = StudentRepositories.HOME.resolve("reference/src/main/java/io/socketlab/reference/sockets");
        StudentRepositories.copy(reference, students.resolve("alice/source/sockets"));
        StudentRepositories.copy(reference, students.resolve("bob/source/sockets"));
        StudentRepositories.copy(StudentRepositories.HOME.resolve("student-template/src/main/java"),
                students.resolve("carol/source"));
        Files.createDirectories(students.resolve("dave")); // a failed build: no sources, not compared

        Similarity similarity = jplag.compare(students, dir);

        assumeTrue(similarity.ran(), "skipped: " + similarity.note());
        assertThat(similarity.note()).startsWith("JPlag compared 3 Java submissions (3 pairs)");
        assertThat(similarity.pairs().get(0)).satisfies(pair -> {
            assertThat(pair.first() + pair.second()).contains("alice", "bob");
            assertThat(pair.averagePercent()).isGreaterThan(90);
        });
        assertThat(similarity.pairs()).filteredOn(p -> (p.first() + p.second()).contains("carol"))
                .allSatisfy(pair -> assertThat(pair.averagePercent()).isLessThan(5));
        assertThat(dir.resolve(Jplag.REPORT)).isNotEmptyFile();
        assertThat(dir.resolve(Jplag.FOLDER + "/submissions")).doesNotExist();
    }

    @Test
    void withoutJplagsJarsItSaysSoPlainly(@TempDir Path dir) throws Exception {
        Similarity similarity = new Jplag(dir.resolve("no-jars"), Path.of("/bin/true")).compare(dir, dir);
        assertThat(similarity.ran()).isFalse();
        assertThat(similarity.note()).startsWith("Similarity not checked: JPlag's jars are not in " + dir.resolve("no-jars"));
    }
}
