package io.socketlab.grader.conformance;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets a {@link RunsAlone} test run while no other test runs, in every session of this JVM (the harness's own tests
 * run several sessions at once): every test holds the lock shared, a test that runs alone holds it exclusively. The
 * lock is fair, so a test waiting to run alone is not overtaken by tests that arrive after it.
 */
final class AloneLock {

    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock(true);

    private AloneLock() {
    }

    /** Waits for the lock and returns it held; the same thread unlocks it when the test ends. */
    static Lock acquire(boolean alone) {
        Lock lock = alone ? LOCK.writeLock() : LOCK.readLock();
        lock.lock();
        return lock;
    }
}
