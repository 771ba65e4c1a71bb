package io.socketlab.grader.process;

/**
 * The uid of one sandbox's programs, taken from the pool on first use and given back when the sandbox closes: one
 * per grading session, so that its programs share the data folders the suites give them (a server's folder across
 * its restarts, a cross-test's files read by one program while another starts), and no other grader on the machine
 * has it meanwhile.
 */
final class SessionUid implements AutoCloseable {

    private final UidPool pool;
    private Integer uid;

    SessionUid(UidPool pool) {
        this.pool = pool;
    }

    synchronized int get() {
        if (uid == null) {
            uid = pool.acquire();
        }
        return uid;
    }

    @Override
    public synchronized void close() {
        if (uid != null) {
            pool.release(uid);
            uid = null;
        }
    }
}
