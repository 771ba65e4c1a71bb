package io.socketlab.reference.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SER-6's start-up rules: ids continue, half a line is dropped, anything else that is not a report refuses to start. */
class ReportStoreTests {

    private static final String FIRST = "{\"hostname\":\"a\",\"timestamp\":\"t\",\"runtime\":1,\"os\":\"x\",\"id\":1,"
            + "\"received\":\"r\"}\n";
    private static final String SECOND = FIRST.replace("\"id\":1", "\"id\":2");

    @Test
    void continuesAfterTheLargestStoredId(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("reports.jsonl"), FIRST + SECOND);

        ReportStore store = ReportStore.open(file);

        assertThat(store.recent()).hasSize(2);
        assertThat(store.append(new Report("b", "t", "2", "y"))).isEqualTo(3);
    }

    @Test
    void dropsHalfALineLeftByAKilledServerSoTheNextReportHasALineOfItsOwn(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("reports.jsonl"), FIRST + SECOND + "{\"hostname\":\"c\",\"ti");

        ReportStore store = ReportStore.open(file);
        store.append(new Report("b", "t", "2", "y"));

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith(FIRST + SECOND).endsWith("}\n");
    }

    @Test
    void refusesAFileWithACompleteLineThatIsNotAReport(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("reports.jsonl"), FIRST + "not json\n" + SECOND);

        assertThatThrownBy(() -> ReportStore.open(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 2");
    }
}
