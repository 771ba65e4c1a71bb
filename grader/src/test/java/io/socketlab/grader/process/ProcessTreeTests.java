package io.socketlab.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ProcessTreeTests {

    /**
     * Generous: a child orphaned when its parent dies stays a zombie, which the JDK counts as alive, until the
     * machine's init reaps it, and some inits take a second or more.
     */
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration SHORT_GRACE = Duration.ofMillis(500);

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killWhateverATestLeftBehind() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void aProcessThatExitsOnTermStopsGracefully() throws IOException {
        ProcessHandle sleeper = start("exec sleep 300");

        assertThat(ProcessTree.stop(sleeper, GRACE)).isTrue();
        assertThat(isAlive(sleeper.pid())).isFalse();
    }

    @Test
    void aTreeThatExitsOnTermStopsGracefullyChildrenIncluded() throws IOException {
        ProcessHandle shell = start("sleep 300 & wait");
        List<ProcessHandle> tree = treeOnceItHas(shell, 1);

        assertThat(ProcessTree.stop(shell, GRACE)).isTrue();
        assertThat(tree).noneMatch(p -> isAlive(p.pid()));
    }

    @Test
    void aGrandchildThatIgnoresTermIsKilledAfterTheGracePeriod() throws IOException {
        // root sh -> sh that ignores TERM -> sleep that inherits the ignored TERM
        ProcessHandle root = start("sh -c 'trap \"\" TERM; sleep 300 & wait' & wait");
        List<ProcessHandle> tree = treeOnceItHas(root, 2);

        boolean graceful = ProcessTree.stop(root, SHORT_GRACE);

        assertThat(graceful).as("exited within the grace period").isFalse();
        awaitGone(tree);
    }

    @Test
    void killTakesDownTheWholeTreeAtOnce() throws IOException {
        ProcessHandle root = start("sh -c 'trap \"\" TERM; sleep 300 & wait' & wait");
        List<ProcessHandle> tree = treeOnceItHas(root, 2);

        ProcessTree.kill(root);

        awaitGone(tree);
    }

    private ProcessHandle start(String script) throws IOException {
        ProcessHandle process = new ProcessBuilder("/bin/sh", "-c", script).start().toHandle();
        started.add(process);
        return process;
    }

    /** The root and its descendants, once {@code count} of them run and the last started is {@code sleep}. */
    private List<ProcessHandle> treeOnceItHas(ProcessHandle root, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<ProcessHandle> descendants = root.descendants().toList();
            return descendants.size() == count && descendants.stream().anyMatch(ProcessTreeTests::isSleep);
        });
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        started.addAll(tree);
        tree.add(0, root);
        return tree;
    }

    private static void awaitGone(List<ProcessHandle> tree) {
        await("every process of the tree gone").atMost(Duration.ofSeconds(10))
                .until(() -> tree.stream().noneMatch(p -> isAlive(p.pid())));
    }

    private static boolean isSleep(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/sleep")).orElse(false);
    }

    /** Running, a zombie waiting for the machine's init to reap it not counted: it holds nothing. */
    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::isRunning).orElse(false);
    }
}
