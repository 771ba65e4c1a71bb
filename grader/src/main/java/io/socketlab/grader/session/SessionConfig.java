package io.socketlab.grader.session;

import io.socketlab.grader.model.Exercises;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.process.Sandbox;
import io.socketlab.grader.process.Target;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to grade and how.
 *
 * @param exercises     exercise ids, in the order to grade them
 * @param seed          seeds every random choice (printed so a run can be replayed)
 * @param tempRoot      the folder in which the session makes its own folder (created if missing), where programs get
 *                      their private folders; the session's folder is removed when the session ends
 * @param sandbox       where every program runs ({@code --sandbox none|ns|docker})
 * @param jobs          how many tests may run at once (1: one after another, in report order)
 * @param infoTests     whether INFO tests (measurements, never scored) run; a self-check that only wants verdicts
 *                      leaves them out
 * @param suitePackages where each exercise's suites live; by default {@link Exercises#suitePackage}
 * @param clauses       the clauses to grade, each program's baseline included; empty for all (a self-check of one
 *                      broken program needs only the clause it breaks)
 */
public record SessionConfig(Target target, List<String> exercises, long seed, Lang lang, Timeouts timeouts,
                            Path tempRoot, Sandbox sandbox, int jobs, boolean infoTests,
                            Map<String, String> suitePackages, Set<String> clauses) {

    public SessionConfig {
        exercises = List.copyOf(exercises);
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
        }
        suitePackages = Map.copyOf(suitePackages);
        clauses = Set.copyOf(clauses);
        sandbox = sandbox != null ? sandbox : Sandbox.NONE;
    }

    /** Programs run as plain processes, without a sandbox, as many tests at once as {@link #defaultJobs()}. */
    public SessionConfig(Target target, List<String> exercises, long seed, Lang lang, Timeouts timeouts,
                         Path tempRoot) {
        this(target, exercises, seed, lang, timeouts, tempRoot, Sandbox.NONE, defaultJobs(), true, Map.of(), Set.of());
    }

    /**
     * How many tests run at once unless told: twice the processors, at least 2. Most tests wait on a clock or a peer
     * rather than compute, so more of them than processors keep the processors busy.
     */
    public static int defaultJobs() {
        return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** The package of {@code exercise}'s suites. */
    public String suitePackage(String exercise) {
        return suitePackages.getOrDefault(exercise, Exercises.suitePackage(exercise));
    }

    /** The same configuration with its programs run in {@code newSandbox}. */
    public SessionConfig withSandbox(Sandbox newSandbox) {
        return new SessionConfig(target, exercises, seed, lang, timeouts, tempRoot, newSandbox, jobs, infoTests,
                suitePackages, clauses);
    }

    /** The same configuration running {@code newJobs} tests at once. */
    public SessionConfig withJobs(int newJobs) {
        return new SessionConfig(target, exercises, seed, lang, timeouts, tempRoot, sandbox, newJobs, infoTests,
                suitePackages, clauses);
    }

    /** The same configuration without the INFO tests. */
    public SessionConfig withoutInfoTests() {
        return new SessionConfig(target, exercises, seed, lang, timeouts, tempRoot, sandbox, jobs, false,
                suitePackages, clauses);
    }

    /** The same configuration grading only {@code onlyClauses}' tests and each program's baseline. */
    public SessionConfig withClauses(Set<String> onlyClauses) {
        return new SessionConfig(target, exercises, seed, lang, timeouts, tempRoot, sandbox, jobs, infoTests,
                suitePackages, onlyClauses);
    }

    /** The same configuration finding {@code exercise}'s suites in {@code suitePackage} (a harness test's own). */
    public SessionConfig withSuitePackage(String exercise, String suitePackage) {
        Map<String, String> packages = new LinkedHashMap<>(suitePackages);
        packages.put(exercise, suitePackage);
        return new SessionConfig(target, exercises, seed, lang, timeouts, tempRoot, sandbox, jobs, infoTests,
                packages, clauses);
    }
}
