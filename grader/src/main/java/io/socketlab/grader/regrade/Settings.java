package io.socketlab.grader.regrade;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * How a regrade runs.
 *
 * @param out             the regrade's folder: students/, repos/ (mirrors), work/ (removed at the end), the class report
 * @param deadline        the last instant a commit may be dated to count
 * @param exercises       the exercises graded, in course order
 * @param lang            the feedback's language ({@code en} or {@code es})
 * @param timeoutScale    passed to {@code grade --timeout-scale}
 * @param sandbox         passed to {@code grade --sandbox}
 * @param showHidden      passed to {@code grade --show-hidden}
 * @param seed            the seed of every student's grading, or null for one derived from the student and the commit
 * @param fetch           whether repositories are fetched (false: only the mirrors already in {@code out/repos})
 * @param token           for private HTTPS repositories, or null; only git ever sees it
 * @param mavenRepository the local Maven repository students' builds resolve from, offline
 * @param parallel        how many students are regraded at once
 * @param pushTimes       whether GitHub's record of pushes is fetched and decides which commit is in time
 * @param githubApi       where GitHub's REST API is
 */
public record Settings(Path out, OffsetDateTime deadline, List<String> exercises, String lang, double timeoutScale,
                       String sandbox, boolean showHidden, Long seed, boolean fetch, String token,
                       Path mavenRepository, int parallel, Duration gitTimeout, Duration buildTimeout,
                       Duration gradeTimeout, boolean pushTimes, String githubApi) {

    public Settings {
        exercises = List.copyOf(exercises);
    }

    /** What changes a score, as one string: a resumed regrade keeps a grade only when this is unchanged. */
    public String optionsKey() {
        return "exercises=" + String.join(",", exercises) + ";lang=" + lang + ";timeout-scale=" + timeoutScale
                + ";sandbox=" + sandbox + ";show-hidden=" + showHidden + ";seed=" + (seed == null ? "derived" : seed);
    }

    public Path students() {
        return out.resolve("students");
    }

    public Path mirrors() {
        return out.resolve("repos");
    }

    public Path work() {
        return out.resolve("work");
    }
}
