package io.socketlab.grader.classreport;

import java.util.List;

/**
 * How alike the graded submissions are, as JPlag measured them (or why it did not).
 *
 * @param ran      whether JPlag compared the submissions
 * @param note     one line for the instructor: what was compared, or why nothing was
 * @param pairs    the most similar pairs, the most similar first
 * @param report   JPlag's own report (a zip its report viewer opens), relative to the class report's folder; empty
 *                 when none was written
 */
public record Similarity(boolean ran, String note, List<Pair> pairs, String report) {

    /** Two students' submissions and how much of them matches, in percent (JPlag's average and maximum similarity). */
    public record Pair(String first, String second, double averagePercent, double maximumPercent) {
    }

    public Similarity {
        pairs = List.copyOf(pairs);
    }

    public static Similarity skipped(String why) {
        return new Similarity(false, why, List.of(), "");
    }
}
