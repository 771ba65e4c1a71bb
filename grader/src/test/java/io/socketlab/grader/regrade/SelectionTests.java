package io.socketlab.grader.regrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketlab.grader.regrade.Git.Commit;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The commit graded at a deadline, the late ones, and the dates that give a forgery or a wrong clock away. */
class SelectionTests {

    private static final Instant DEADLINE = Deadline.parse("2026-10-15T23:59:59-05:00").toInstant();

    @Test
    void theNewestCommitAtOrBeforeTheDeadlineIsGradedAndTheOnesAboveItAreLate() {
        List<Commit> history = List.of(commit("c", "2026-10-16T08:00:00-05:00"),
                commit("b", "2026-10-15T23:59:59-05:00"), commit("a", "2026-10-01T10:00:00-05:00"));
        Selection selection = Selection.at(history, DEADLINE);
        assertThat(selection.graded()).map(Commit::sha).contains("b");
        assertThat(selection.late()).extracting(Commit::sha).containsExactly("c");
        assertThat(selection.datesOutOfOrder()).isFalse();
    }

    @Test
    void aLateCommitDatedBeforeItsParentIsGradedButFlagged() {
        // The newest commit claims an earlier date than the one it was made on: a forged or wrong clock.
        List<Commit> history = List.of(commit("c", "2026-10-14T08:00:00-05:00"),
                commit("b", "2026-10-15T12:00:00-05:00"), commit("a", "2026-10-01T10:00:00-05:00"));
        Selection selection = Selection.at(history, DEADLINE);
        assertThat(selection.graded()).map(Commit::sha).contains("c");
        assertThat(selection.datesOutOfOrder()).isTrue();
    }

    @Test
    void nothingIsGradedWhenEveryCommitIsLate() {
        Selection selection = Selection.at(List.of(commit("a", "2026-10-16T00:00:00-05:00")), DEADLINE);
        assertThat(selection.graded()).isEmpty();
        assertThat(selection.late()).hasSize(1);
    }

    @Test
    void deadlinesWithoutAnOffsetAreRefused() {
        assertThat(Deadline.parse("2026-10-16T04:59:59Z").toInstant()).isEqualTo(DEADLINE);
        assertThatThrownBy(() -> Deadline.parse("2026-10-15")).hasMessageContaining("is ambiguous");
        assertThatThrownBy(() -> Deadline.parse("tomorrow")).hasMessageContaining("not an ISO-8601 date and time");
    }

    private static Commit commit(String sha, String date) {
        OffsetDateTime at = OffsetDateTime.parse(date);
        return new Commit(sha, at.toInstant(), at, "commit " + sha);
    }
}
