package io.socketlab.grader.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.process.ProgramCommand;
import io.socketlab.grader.process.Target;
import io.socketlab.grader.session.fixture.Seen;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A program's tests share one baseline verdict and one server whichever class or {@code @Nested} group they are in;
 * a class that asks for a fresh server per test gets one per test; the report is the same whatever runs at once.
 */
class ProgramSharingTests {

    private static final Path SESSIONS = Path.of(System.getProperty("socketlab.tmpdir",
            System.getProperty("java.io.tmpdir")));

    @BeforeEach
    void forgetWhatEarlierRunsSaw() {
        Seen.clear();
    }

    @Test
    void testsOfOneProgramInSeveralClassesShareItsServer() {
        GradeReport report = grade(echoServer(), 4);

        assertThat(report.outcomes()).extracting(TestOutcome::verdict).containsOnly(Verdict.PASS);
        Map<String, Long> pids = Seen.serverPids();
        assertThat(pids).containsOnlyKeys("FIX-1", "FIX-2", "FIX-3", "FIX-4", "FIX-5", "FIX-6", "FIX-7");
        // The baseline, a second test of its class, a nested group's test and another class's test: one server.
        assertThat(List.of(pids.get("FIX-2"), pids.get("FIX-3"), pids.get("FIX-4"))).containsOnly(pids.get("FIX-1"));
        // Each test of the fresh-server class had a server of its own.
        assertThat(pids.get("FIX-5")).isNotIn(pids.get("FIX-1"), pids.get("FIX-6"));
        // The @RunsAlone test ran while no other test did, though four may run at once.
        assertThat(Seen.othersBesideTheAloneTest()).isZero();
    }

    @Test
    void aFailedBaselineBlocksTheProgramsTestsInEveryClass() {
        GradeReport report = grade(serverThatExitsAtOnce(), 4);

        // Report order: the baseline's class, then the program's other classes by name.
        assertThat(report.outcomes()).extracting(o -> o.clause() + " " + o.verdict()).containsExactly(
                "FIX-1 FAIL", "FIX-2 BLOCKED", "FIX-3 BLOCKED", "FIX-5 BLOCKED", "FIX-6 BLOCKED", "FIX-7 BLOCKED",
                "FIX-4 BLOCKED");
        assertThat(report.outcomes().get(0).detail().actual().en()).contains("exited with code 3");
    }

    @Test
    void aServerThatDiedIsReportedAsSuchToTheNextTestThenRestarted() {
        GradeReport report = grade(javaServer("io.socketlab.grader.session.fixture.ServerThatDiesAfterOneConnection"), 4);

        Map<String, TestOutcome> byClause = new LinkedHashMap<>();
        report.outcomes().forEach(o -> byClause.put(o.clause(), o));
        // The baseline got its echo; the server then died. The three other tests of the program share it and run one
        // after another, in an order that depends on what else runs: the first finds it dead and says so first; the
        // next gets a server started afresh (which serves it, then dies); the last finds that one dead too.
        assertThat(byClause.get("FIX-1").verdict()).isEqualTo(Verdict.PASS);
        List<TestOutcome> others = List.of(byClause.get("FIX-2"), byClause.get("FIX-3"), byClause.get("FIX-4"));
        assertThat(others).extracting(TestOutcome::verdict)
                .containsExactlyInAnyOrder(Verdict.FAIL, Verdict.PASS, Verdict.FAIL);
        List<TestOutcome> deaths = others.stream().filter(o -> o.verdict() == Verdict.FAIL).toList();
        assertThat(deaths).allSatisfy(next -> {
            assertThat(next.kind()).isEqualTo(FailureKind.CRASHED);
            assertThat(next.detail().actual().en()).startsWith("the server is no longer running: it exited with code 1")
                    .contains("dying on purpose")
                    // It exits just after answering a test: before the next test began, or as it began.
                    .containsAnyOf("the test \"", "during this test");
            assertThat(next.detail().actual().es()).startsWith("el servidor ya no está en marcha: terminó con código 1");
            assertThat(next.detail().hint().en()).contains("your server stopped");
            // Its output block holds the dead server's last words, stderr first, then what it served.
            assertThat(next.log()).contains("dying on purpose").contains("served hello FIX-");
            assertThat(next.log().indexOf("dying on purpose")).isLessThan(next.log().indexOf("served hello FIX-"));
        });
    }

    @Test
    void theReportIsTheSameWhateverRunsAtOnce() {
        List<String> sequential = summary(grade(echoServer(), 1));
        List<String> parallel = summary(grade(echoServer(), 4));

        assertThat(parallel).isEqualTo(sequential).hasSize(7);
        assertThat(sequential.get(0)).isEqualTo("1 FIX-1 PASS");
    }

    /** Grades the fixture exercise; also checks that reports saw each outcome once, in report order. */
    private static GradeReport grade(Target target, int jobs) {
        List<TestOutcome> released = new ArrayList<>();
        SessionConfig config = new SessionConfig(target, List.of("fixture"), 7L, Lang.EN, Timeouts.DEFAULT, SESSIONS)
                .withSuitePackage("fixture", "io.socketlab.grader.session.fixture")
                .withJobs(jobs);
        GradeReport report = new GradingSession(config, new GradingListener() {
            @Override
            public void testFinished(TestOutcome outcome) {
                released.add(outcome);
            }
        }).run();
        assertThat(released).isEqualTo(report.outcomes());
        return report;
    }

    private static List<String> summary(GradeReport report) {
        return report.outcomes().stream().map(o -> o.number() + " " + o.clause() + " " + o.verdict()).toList();
    }

    private static Target echoServer() {
        return javaServer("io.socketlab.reference.echo.EchoServer");
    }

    private static Target javaServer(String mainClass) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return server(new ProgramCommand(List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), mainClass), null, mainClass));
    }

    private static Target serverThatExitsAtOnce() {
        return server(new ProgramCommand(List.of("/bin/sh", "-c", "echo 'broken on purpose' >&2; exit 3", "sh"),
                null, "sh -c 'exit 3'"));
    }

    private static Target server(ProgramCommand command) {
        return new Target() {
            @Override
            public String name() {
                return command.description();
            }

            @Override
            public Optional<ProgramCommand> program(String exercise, Program program) {
                return exercise.equals("fixture") && program == Program.SERVER ? Optional.of(command) : Optional.empty();
            }
        };
    }
}
