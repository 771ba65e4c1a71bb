package io.socketlab.grader.conformance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the tests of each program share during a session, whichever class they are in: the baseline's verdict, the
 * server started once for them and the code under test. The session closes a program's share when its last test
 * has ended, and every share when it ends.
 */
public final class ProgramStates {

    private final Map<ProgramKey, Shared> shares = new ConcurrentHashMap<>();

    /** One program's share. */
    static final class Shared {
        private volatile Boolean baselinePassed;
        private ServerUnderTest server;
        private CodeUnderTest code;

        /** True or false once the baseline passed or failed; null before, or when it ended in a harness error. */
        Boolean baselinePassed() {
            return baselinePassed;
        }

        void baselinePassed(boolean passed) {
            baselinePassed = passed;
        }

        synchronized ServerUnderTest server(Supplier<ServerUnderTest> start) {
            if (server == null) {
                server = start.get();
            }
            return server;
        }

        /** The shared server if one was made, else null. */
        synchronized ServerUnderTest serverIfAny() {
            return server;
        }

        synchronized CodeUnderTest code(Supplier<CodeUnderTest> make) {
            if (code == null) {
                code = make.get();
            }
            return code;
        }

        synchronized void close() {
            if (server != null) {
                server.close();
                server = null;
            }
            if (code != null) {
                code.close();
                code = null;
            }
        }
    }

    Shared of(ProgramKey program) {
        return shares.computeIfAbsent(program, any -> new Shared());
    }

    /** Stops the program's shared server and removes its folders; its baseline verdict is kept. */
    public void close(ProgramKey program) {
        Shared shared = shares.get(program);
        if (shared != null) {
            shared.close();
        }
    }

    public void closeAll() {
        shares.values().forEach(Shared::close);
    }
}
