package io.socketlab.grader.regrade;

import io.socketlab.grader.regrade.Git.Commit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which commit of a student's default branch is graded: walking its first-parent history from the tip, the first
 * commit whose committer date is at or before the deadline. The commits above it are late.
 *
 * <p>A committer date is written by the student's own machine: a wrong clock or a forged date moves a commit across
 * the deadline, and nothing in a clone can tell. What a clone can tell is recorded: dates that go backwards along the
 * history ({@link #datesOutOfOrder}), the mark of a rebase, a wrong clock or a forgery, for the instructor to look
 * at. The time a commit reached the server is known only to the server (GitHub keeps it in the repository's
 * activity); see docs/regrade.md.
 *
 * @param graded          the commit graded; empty when every commit is after the deadline (or there is none)
 * @param late            the commits after the deadline, newest first
 * @param datesOutOfOrder whether some commit's date is later than its child's, up to the graded commit
 */
public record Selection(Optional<Commit> graded, List<Commit> late, boolean datesOutOfOrder) {

    public Selection {
        late = List.copyOf(late);
    }

    public static Selection at(List<Commit> history, Instant deadline) {
        for (int i = 0; i < history.size(); i++) {
            if (!history.get(i).committedAt().isAfter(deadline)) {
                return new Selection(Optional.of(history.get(i)), history.subList(0, i), outOfOrder(history, i + 1));
            }
        }
        return new Selection(Optional.empty(), history, outOfOrder(history, history.size()));
    }

    /** Whether, among the first {@code upTo} commits (newest first), a parent is dated after its child. */
    private static boolean outOfOrder(List<Commit> history, int upTo) {
        for (int i = 0; i + 1 < Math.min(upTo + 1, history.size()); i++) {
            if (history.get(i + 1).committedAt().isAfter(history.get(i).committedAt())) {
                return true;
            }
        }
        return false;
    }
}
