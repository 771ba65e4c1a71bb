package io.socketlab.grader.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything one grading run established, in report order (course order, server before client, baseline first).
 *
 * @param exercises the exercises selected, in the order they were graded
 */
public record GradeReport(String target, List<String> exercises, long seed, Lang lang,
                          List<TestOutcome> outcomes, Duration executionTime) {

    public int score() {
        return outcomes.stream().mapToInt(TestOutcome::score).sum();
    }

    public int maxScore() {
        return outcomes.stream().mapToInt(TestOutcome::maxScore).sum();
    }

    public boolean fullMarks() {
        return score() == maxScore() && !hasHarnessErrors();
    }

    public boolean hasHarnessErrors() {
        return outcomes.stream().anyMatch(o -> o.verdict() == Verdict.ERROR);
    }

    public List<TestOutcome> outcomesOf(String exercise) {
        return outcomes.stream().filter(o -> o.exercise().equals(exercise)).toList();
    }

    /** How many tests of an exercise ended with each verdict. */
    public Map<Verdict, Long> verdictCounts(String exercise) {
        return outcomesOf(exercise).stream()
                .collect(Collectors.groupingBy(TestOutcome::verdict, TreeMap::new, Collectors.counting()));
    }
}
