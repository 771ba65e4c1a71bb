package io.socketlab.grader.regrade;

import io.socketlab.grader.regrade.Git.Commit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which commit of a student's default branch is graded, and which came too late.
 *
 * <p>By commit dates ({@link #at}): walking the branch's first-parent history from the tip, the first commit whose
 * committer date is at or before the deadline; the commits above it are late. A committer date is written by the
 * student's own machine: a wrong clock or a forged date moves a commit across the deadline, and nothing in a clone
 * can tell. What a clone can tell is recorded: dates that go backwards along the history ({@link #datesOutOfOrder}),
 * the mark of a rebase, a wrong clock or a forgery.
 *
 * <p>By push times ({@link #pushed}), where the server's record of pushes is at hand: the commit the branch pointed to
 * after its last push before the deadline; the commits above it are late, whatever their dates say.
 *
 * @param graded          the commit graded; empty when nothing was there in time
 * @param late            the commits after it, newest first
 * @param datesOutOfOrder whether some commit's date is later than its child's, up to the graded commit
 * @param pushedAt        when the graded commit was pushed, when push times decided; empty otherwise
 */
public record Selection(Optional<Commit> graded, List<Commit> late, boolean datesOutOfOrder,
                        Optional<Instant> pushedAt) {

    public Selection {
        late = List.copyOf(late);
    }

    public static Selection at(List<Commit> history, Instant deadline) {
        for (int i = 0; i < history.size(); i++) {
            if (!history.get(i).committedAt().isAfter(deadline)) {
                return new Selection(Optional.of(history.get(i)), history.subList(0, i), outOfOrder(history, i + 1),
                        Optional.empty());
            }
        }
        return new Selection(Optional.empty(), history, outOfOrder(history, history.size()), Optional.empty());
    }

    /** The commit pushed last before the deadline, at {@code pushedAt}, with the branch's commits above it. */
    public static Selection pushed(Commit graded, Instant pushedAt, List<Commit> above, List<Commit> history) {
        int index = history.indexOf(graded);
        return new Selection(Optional.of(graded), above,
                outOfOrder(history, index < 0 ? history.size() : index + 1), Optional.of(pushedAt));
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
