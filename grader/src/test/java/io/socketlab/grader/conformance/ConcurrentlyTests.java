package io.socketlab.grader.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Text;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ConcurrentlyTests {

    private static final Text WHAT = Text.same("steps");

    @Test
    void runsEveryStepAtOnceAndReturnsTheirResultsInOrder() throws Exception {
        // Both steps must be running together for either to finish: a shared, narrow pool would deadlock here.
        CountDownLatch both = new CountDownLatch(2);
        List<CompletableFuture<String>> steps = List.of(
                Concurrently.start(() -> {
                    both.countDown();
                    both.await();
                    return "a";
                }),
                Concurrently.start(() -> {
                    both.countDown();
                    both.await();
                    return "b";
                }));

        assertThat(Concurrently.awaitAll(steps, Duration.ofSeconds(5), WHAT, Text.of("both", "ambos"))).containsExactly("a", "b");
    }

    @Test
    void rethrowsAStepsConformanceFailureAsItself() {
        ConformanceFailure failure = ConformanceFailure.wrongOutput(WHAT, Text.same("x"), Text.same("y"));
        CompletableFuture<Void> step = Concurrently.start(() -> {
            throw failure;
        });

        assertThatThrownBy(() -> Concurrently.awaitAll(List.of(step), Duration.ofSeconds(5), WHAT, Text.same("x")))
                .isSameAs(failure);
    }

    @Test
    void rethrowsAStepsCheckedExceptionAsItself() {
        IOException broken = new IOException("reset");
        CompletableFuture<Void> step = Concurrently.start(() -> {
            throw broken;
        });

        assertThatThrownBy(() -> Concurrently.awaitAll(List.of(step), Duration.ofSeconds(5), WHAT, Text.same("x")))
                .isSameAs(broken);
    }

    @Test
    void aPassedDeadlineIsATimeoutFailure() {
        CompletableFuture<Void> stuck = Concurrently.start(() -> new CountDownLatch(1).await());

        assertThatThrownBy(() -> Concurrently.awaitAll(List.of(stuck), Duration.ofMillis(100), WHAT, Text.of("done", "hecho")))
                .isInstanceOfSatisfying(ConformanceFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT));
    }
}
