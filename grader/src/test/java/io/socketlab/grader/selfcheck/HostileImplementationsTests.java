package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.variants.Variants.Variant;
import io.socketlab.grader.variants.hostile.FloodingSocketsServer;
import io.socketlab.grader.variants.hostile.HangingSocketsClient;
import io.socketlab.grader.variants.hostile.StubbornSocketsServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** A hostile or broken implementation costs a bounded time, gets a clear verdict, and leaves no process behind. */
// Isolated: it checks that no process outlives its sessions, so no other session may run meanwhile.
@Isolated
class HostileImplementationsTests {

    @AfterEach
    void nothingOutlivesTheSession() {
        SelfCheck.awaitNoSurvivingProcesses();
    }

    private static GradeReport grade(Class<?> mainClass, String program) {
        return SelfCheck.grade(SelfCheck.variant(new Variant("sockets", program, mainClass, null)), List.of("sockets"));
    }

    @Test
    void aServerThatFloodsWithoutNewlinesFailsItsBaselineFast() {
        long start = System.nanoTime();

        GradeReport report = grade(FloodingSocketsServer.class, "server");

        TestOutcome baseline = report.outcomes().get(0);
        assertThat(baseline.verdict()).as(SelfCheck.describe(report)).isEqualTo(Verdict.FAIL);
        assertThat(baseline.kind()).isEqualTo(FailureKind.WRONG_OUTPUT);
        assertThat(baseline.detail().actual().en()).contains("without \\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aServerThatIgnoresSigtermLosesOnlyTheTerminationClauseAndIsKilledWithItsChild() {
        GradeReport report = grade(StubbornSocketsServer.class, "server");

        assertThat(SelfCheck.of(report, "server")).as(SelfCheck.describe(report)).allSatisfy(o -> {
            if (o.clause().equals("SOCK-8") && o.title().en().contains("SIGTERM")) {
                assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
                assertThat(o.kind()).isEqualTo(FailureKind.TIMEOUT);
            } else {
                assertThat(o.verdict()).isEqualTo(Verdict.PASS);
            }
        });
    }

    @Test
    void aClientThatHangsTimesOutWithAClearVerdict() {
        long start = System.nanoTime();

        GradeReport report = grade(HangingSocketsClient.class, "client");

        TestOutcome baseline = SelfCheck.of(report, "client").get(0);
        assertThat(baseline.verdict()).as(SelfCheck.describe(report)).isEqualTo(Verdict.FAIL);
        assertThat(baseline.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(baseline.detail().expected().en()).contains("exit");
        assertThat(SelfCheck.of(report, "client").subList(1, SelfCheck.of(report, "client").size())).allSatisfy(o -> assertThat(o.verdict()).isEqualTo(Verdict.BLOCKED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(40));
    }
}
