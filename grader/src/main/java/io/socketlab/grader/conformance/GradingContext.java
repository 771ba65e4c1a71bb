package io.socketlab.grader.conformance;

import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.process.PortAllocator;
import io.socketlab.grader.process.ProgramLauncher;
import io.socketlab.grader.process.ServerStarter;
import io.socketlab.grader.process.Target;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the tests of one grading session share: the target, the launcher, the ports and the timeouts. The session
 * registers it under an id passed to JUnit as a configuration parameter, so tests find it without statics of
 * their own and two sessions can run in one JVM.
 */
public final class GradingContext {

    /** The JUnit configuration parameter carrying the session id. */
    public static final String SESSION_PARAMETER = "socketlab.session";

    private static final Map<String, GradingContext> SESSIONS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final Target target;
    private final ProgramLauncher launcher;
    private final PortAllocator ports;
    private final ServerStarter starter;
    private final Timeouts timeouts;
    private final long seed;
    private final Lang lang;
    private final ProgramStates programs = new ProgramStates();

    public GradingContext(Target target, ProgramLauncher launcher, PortAllocator ports, Timeouts timeouts,
                          long seed, Lang lang) {
        this.target = target;
        this.launcher = launcher;
        this.ports = ports;
        this.starter = new ServerStarter(launcher, ports);
        this.timeouts = timeouts;
        this.seed = seed;
        this.lang = lang;
    }

    /** Makes this context findable by tests; returns its id. */
    public String register() {
        SESSIONS.put(id, this);
        return id;
    }

    public void unregister() {
        SESSIONS.remove(id);
    }

    static GradingContext lookup(String sessionId) {
        GradingContext context = SESSIONS.get(sessionId);
        if (context == null) {
            throw new IllegalStateException("no grading session " + sessionId
                    + ": conformance suites run inside the grader, not on their own");
        }
        return context;
    }

    public Target target() {
        return target;
    }

    public ProgramLauncher launcher() {
        return launcher;
    }

    public PortAllocator ports() {
        return ports;
    }

    public ServerStarter starter() {
        return starter;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /** The seed of every random choice a test makes, printed in the report so a run can be replayed. */
    public long seed() {
        return seed;
    }

    public Lang lang() {
        return lang;
    }

    /** What each program's tests share: its baseline's verdict, its server. */
    public ProgramStates programs() {
        return programs;
    }
}
