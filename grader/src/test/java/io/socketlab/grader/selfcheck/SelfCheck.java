package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.process.ProcessTree;
import io.socketlab.grader.process.ProgramCommand;
import io.socketlab.grader.process.Target;
import io.socketlab.grader.process.Targets;
import io.socketlab.grader.session.GradingSession;
import io.socketlab.grader.session.Scheduler;
import io.socketlab.grader.session.SessionConfig;
import io.socketlab.grader.variants.Variants.Variant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Runs whole grading sessions from the grader's own tests. */
final class SelfCheck {

    static final long SEED = 20261121L;

    /**
     * Where the self-checks' sessions make their folders: the build's own ({@code socketlab.tmpdir}, set by the pom),
     * so that "nothing outlives a session" is not confused by other programs using the machine's temporary folder.
     */
    static final Path SESSIONS = Path.of(System.getProperty("socketlab.tmpdir", System.getProperty("java.io.tmpdir")));

    /** Where the Python variants live: Python habits are shown in Python. */
    static final Path PYTHON_VARIANTS = Targets.home().orElseThrow().resolve("grader/src/test/python");

    private SelfCheck() {
    }

    /**
     * One scheduler for every session the harness's tests run, however many run at once: the number of tests running
     * at the same time stays what one grader run would use on this machine.
     */
    private static final Scheduler SCHEDULER = new Scheduler(SessionConfig.defaultJobs());

    /** Grades {@code target} on {@code exercises}, INFO measurements included. */
    static GradeReport grade(Target target, List<String> exercises) {
        return grade(new SessionConfig(target, exercises, SEED, Lang.EN, Timeouts.DEFAULT, SESSIONS));
    }

    /**
     * Grades a deliberately broken, correct or hostile program: its verdicts are what is checked, so the INFO
     * measurements (which prove nothing about a variant and take the longest) are left out, and a broken variant is
     * graded on its baseline and the clause it breaks, the one whose loss is checked.
     */
    static GradeReport gradeVariant(Variant variant) {
        SessionConfig config = new SessionConfig(variant(variant), List.of(variant.exercise()), SEED, Lang.EN,
                Timeouts.DEFAULT, SESSIONS).withoutInfoTests();
        return grade(variant.brokenClause() == null ? config : config.withClauses(Set.of(variant.brokenClause())));
    }

    static GradeReport grade(SessionConfig config) {
        return grade(config, new GradingListener() { });
    }

    /** As above, reporting to {@code listener} as the session goes (the reports, for a test that reads them). */
    static GradeReport grade(SessionConfig config, GradingListener listener) {
        return new GradingSession(config, listener, SCHEDULER).run();
    }

    /** A target that submits one program: a variant's main class, run from the test classpath. */
    static Target variant(Variant variant) {
        return new Target() {
            @Override
            public String name() {
                return variant.name();
            }

            @Override
            public Optional<ProgramCommand> program(String exercise, Program program) {
                if (!exercise.equals(variant.exercise()) || !program.id().equals(variant.program())) {
                    return Optional.empty();
                }
                if (variant.isPython()) {
                    Path script = PYTHON_VARIANTS.resolve(variant.pythonScript());
                    return Optional.of(new ProgramCommand(List.of("python3", script.toString()), null, variant.name()));
                }
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                // The test classpath: variants may use the libraries the tests have (Jackson, for JSON).
                String classpath = System.getProperty("java.class.path");
                return Optional.of(new ProgramCommand(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-cp", classpath, variant.mainClass().getName()), null, variant.mainClass().getSimpleName()));
            }
        };
    }

    /**
     * Waits (bounded) until no process started from this JVM runs; fails naming the survivors. A zombie waiting to be
     * reaped holds nothing and is not counted.
     */
    static void awaitNoSurvivingProcesses() {
        try {
            Awaitility.await("every process the grader started to be gone")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> ProcessHandle.current().descendants().noneMatch(ProcessTree::isRunning));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("processes outlived their grading session: " + ProcessHandle.current().descendants()
                    .filter(ProcessTree::isRunning)
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                    .collect(Collectors.joining("; ")), e);
        }
    }

    /** Fails unless every outcome passed; INFO tests measure (goodput, overhead), are never scored, and count as passed. */
    static void expectNothingLost(List<TestOutcome> outcomes, GradeReport report) {
        assertThat(outcomes).as(describe(report)).isNotEmpty().allSatisfy(o ->
                assertThat(o.verdict()).isIn(Verdict.PASS, Verdict.INFO));
    }

    /** One line per outcome, for assertion messages that show the whole picture. */
    static String describe(GradeReport report) {
        return report.outcomes().stream()
                .map(o -> String.format("%-13s %-6s %-7s %s%s", o.verdict(), o.program().id(), o.clause(), o.title().en(),
                        o.detail() == null ? "" : "\n      " + o.detail().actual().en()))
                .collect(Collectors.joining("\n", "\n", "\n"));
    }

    static List<TestOutcome> of(GradeReport report, String program) {
        return report.outcomes().stream().filter(o -> o.program().id().equals(program)).toList();
    }
}
