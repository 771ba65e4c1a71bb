package io.socketlab.grader.regrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The roster cut into the workflow's matrix: every student in exactly one slice, never more than 256 jobs. */
class SlicesTests {

    @ParameterizedTest(name = "{0} students, {1} per job: {2} jobs")
    @CsvSource({"1, 10, 1", "256, 1, 256", "257, 1, 256", "1000, 1, 256", "1000, 10, 100", "256, 10, 26",
            "257, 10, 26", "300, 10, 30"})
    void everyStudentIsInExactlyOneSliceOfNearlyEqualSize(int students, int perJob, int jobs) {
        List<Integer> roster = IntStream.range(0, students).boxed().toList();
        int count = Slices.count(students, perJob, Slices.MAX_MATRIX_JOBS);
        assertThat(count).isEqualTo(jobs);
        List<Integer> seen = new ArrayList<>();
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int index = 0; index < count; index++) {
            List<Integer> slice = Slices.slice(roster, index, count);
            seen.addAll(slice);
            smallest = Math.min(smallest, slice.size());
            largest = Math.max(largest, slice.size());
        }
        assertThat(seen).isEqualTo(roster);
        assertThat(largest - smallest).isLessThanOrEqualTo(1);
        assertThat(smallest).isPositive();
    }

    @Test
    void theMatrixListsOneEntryPerJob() {
        assertThat(Slices.matrixJson(1)).isEqualTo("{\"slice\":[0]}");
        assertThat(Slices.matrixJson(3)).isEqualTo("{\"slice\":[0,1,2]}");
        assertThat(Slices.count(1000, 1, 300)).isEqualTo(256);
    }

    @Test
    void aSliceThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> Slices.slice(List.of(1, 2), 2, 2)).hasMessageStartingWith("slice 2 of 2 does not exist");
        assertThatThrownBy(() -> Slices.count(0, 10, 256)).isInstanceOf(IllegalArgumentException.class);
    }
}
