package io.socketlab.grader.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Work runs most urgent first; work that must run alone waits for idle workers and has them to itself. */
class SchedulerTests {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();

    @Test
    void aloneWorkWaitsForIdleWorkersWithoutHoldingBackOtherWork() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch allDone = new CountDownLatch(3);
        try (Scheduler scheduler = new Scheduler(2)) {
            scheduler.submit(new Scheduler.Priority(1, 0, 0), false, task("first", releaseFirst, allDone));
            scheduler.submit(new Scheduler.Priority(1, 0, 1), true, task("alone", null, allDone));
            scheduler.submit(new Scheduler.Priority(1, 0, 2), false, task("later", null, allDone));

            // "later" is less urgent than "alone", yet starts beside "first": "alone" waits for idle workers.
            awaitEvent("later ended");
            assertThat(events).doesNotContain("alone started");
            releaseFirst.countDown();
            assertThat(allDone.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(events).containsSubsequence("first ended", "alone started", "alone ended");
        assertThat(events).contains("alone saw 1 running");
    }

    @Test
    void aloneWorkThatWaitedItsPatienceKeepsTheWorkersForItself() throws Exception {
        CountDownLatch releaseLong = new CountDownLatch(1);
        CountDownLatch allDone = new CountDownLatch(4);
        try (Scheduler scheduler = new Scheduler(2, Duration.ofMillis(200))) {
            scheduler.submit(new Scheduler.Priority(1, 0, 0), false, task("long", releaseLong, allDone));
            awaitEvent("long started");
            scheduler.submit(new Scheduler.Priority(1, 0, 1), true, task("alone", null, allDone));
            // While "long" runs, "alone" cannot start; its patience (200 ms) runs out meanwhile.
            Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> !events.contains("alone started"));
            // Work queued now waits for "alone" to have had its turn, although a worker is free.
            scheduler.submit(new Scheduler.Priority(1, 0, 2), false, task("late-1", null, allDone));
            scheduler.submit(new Scheduler.Priority(1, 0, 3), false, task("late-2", null, allDone));
            Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> !events.contains("late-1 started") && !events.contains("late-2 started"));
            releaseLong.countDown();
            assertThat(allDone.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(events).containsSubsequence("long ended", "alone started", "alone ended", "late-1 started");
        assertThat(events).contains("alone saw 1 running");
    }

    @Test
    void oneWorkerRunsEverythingMostUrgentFirstAloneOrNot() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch allDone = new CountDownLatch(4);
        try (Scheduler scheduler = new Scheduler(1)) {
            // The worker is held while the rest is queued, so the queue's order alone decides what follows.
            scheduler.submit(new Scheduler.Priority(1, 0, 0), false, task("held", gate, allDone));
            awaitEvent("held started");
            scheduler.submit(new Scheduler.Priority(1, 0, 3), false, task("third", null, allDone));
            scheduler.submit(new Scheduler.Priority(1, 0, 1), true, task("first", null, allDone));
            scheduler.submit(new Scheduler.Priority(1, 0, 2), false, task("second", null, allDone));
            gate.countDown();
            assertThat(allDone.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(events.stream().filter(e -> e.endsWith("started")).toList())
                .containsExactly("held started", "first started", "second started", "third started");
    }

    private Runnable task(String name, CountDownLatch waitFor, CountDownLatch done) {
        return () -> {
            int now = running.incrementAndGet();
            events.add(name + " started");
            events.add(name + " saw " + now + " running");
            try {
                if (waitFor != null) {
                    waitFor.await(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
                events.add(name + " ended");
                done.countDown();
            }
        };
    }

    private void awaitEvent(String event) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.contains(event));
    }
}
