package io.socketlab.grader.regrade;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The roster cut into contiguous slices of nearly equal size (they differ by at most one student), one per job of
 * the workflow's matrix. GitHub Actions runs at most 256 jobs in one matrix, so a large class gets more students per
 * job rather than more jobs.
 */
public final class Slices {

    /** GitHub Actions' limit on the jobs a matrix generates. */
    public static final int MAX_MATRIX_JOBS = 256;

    private Slices() {
    }

    /** How many jobs grade {@code students} at about {@code perJob} each, never more than {@code maxJobs}; at least 1. */
    public static int count(int students, int perJob, int maxJobs) {
        if (students < 1 || perJob < 1 || maxJobs < 1) {
            throw new IllegalArgumentException("students, students per job and jobs must be at least 1, got "
                    + students + ", " + perJob + ", " + maxJobs);
        }
        return Math.min(Math.min(maxJobs, MAX_MATRIX_JOBS), (students + perJob - 1) / perJob);
    }

    /** Slice {@code index} (from 0) of {@code count}: the students from {@code index*n/count} up to the next one's. */
    public static <T> List<T> slice(List<T> all, int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("slice " + index + " of " + count + " does not exist: write INDEX/COUNT "
                    + "with 0 <= INDEX < COUNT");
        }
        int from = (int) ((long) index * all.size() / count);
        int to = (int) ((long) (index + 1) * all.size() / count);
        return List.copyOf(all.subList(from, to));
    }

    /** The matrix, as the workflow's {@code fromJSON} reads it: {@code {"slice":[0,1,...]}}, one entry per job. */
    public static String matrixJson(int count) {
        return "{\"slice\":[" + String.join(",", IntStream.range(0, count).mapToObj(Integer::toString).toList())
                + "]}";
    }
}
