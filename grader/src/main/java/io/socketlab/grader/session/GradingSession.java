package io.socketlab.grader.session;

import io.socketlab.grader.conformance.Declarations;
import io.socketlab.grader.conformance.GradingContext;
import io.socketlab.grader.conformance.ProgramKey;
import io.socketlab.grader.conformance.ProgramLanguage;
import io.socketlab.grader.conformance.RequirementTexts;
import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.process.PortAllocator;
import io.socketlab.grader.process.ProgramLauncher;
import io.socketlab.grader.session.SessionPlan.PlannedTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One grading run: the selected exercises' suites through the JUnit Platform Launcher, against one target. Each
 * program's tests run as {@link ProgramRun} says; programs run at the same time, as many tests at once as the
 * scheduler has workers. Reports get every outcome in report order, whatever ran at the same time.
 */
public final class GradingSession {

    /**
     * Whole-program stdout kept for client tests, unless a test feeds the client more (then twice its input: echo's
     * 8 MiB); more is counted, not kept, so a client printing without end costs the grader nothing more.
     */
    private static final int CLIENT_OUTPUT_LIMIT = 4 * 1024 * 1024;

    private final SessionConfig config;
    private final GradingListener listener;
    private final Scheduler sharedScheduler;

    /** A session with workers of its own, {@link SessionConfig#jobs()} of them. */
    public GradingSession(SessionConfig config, GradingListener listener) {
        this(config, listener, null);
    }

    /**
     * A session whose tests run on {@code scheduler}'s workers, shared with other sessions (then
     * {@link SessionConfig#jobs()} is not used); null for workers of its own.
     */
    public GradingSession(SessionConfig config, GradingListener listener, Scheduler scheduler) {
        this.config = config;
        this.listener = listener;
        this.sharedScheduler = scheduler;
    }

    public GradeReport run() {
        ProgramReaper.install();
        long start = System.nanoTime();
        if (!config.sandbox().sharesLoopbackWithGrader()) {
            throw new HarnessException("--sandbox " + config.sandbox().mode()
                    + " grades only in a private network shared with its programs: run it through `grade`");
        }
        Path tempRoot = makeTempRoot(config.tempRoot());
        ProgramLauncher launcher = new ProgramLauncher(tempRoot,
                config.timeouts().seconds(3), CLIENT_OUTPUT_LIMIT, config.sandbox());
        GradingContext context = new GradingContext(config.target(), launcher, new PortAllocator(),
                config.timeouts(), config.seed(), config.lang());
        String sessionId = context.register();
        Scheduler scheduler = sharedScheduler != null ? sharedScheduler : new Scheduler(config.jobs());
        try {
            listener.sessionStarted(config.target().name(), config.exercises(), config.seed());
            TestRunner runner = new TestRunner(sessionId, config, this::hint);
            SessionPlan plan = SessionPlan.discover(config, runner::configure);
            OrderedRelease release = new OrderedRelease(listener, plan.tests().size());
            Map<ProgramKey, List<PlannedTest>> programs = plan.byProgram();
            CountDownLatch programsLeft = new CountDownLatch(programs.size());
            ProgramRun.Session session = new Runs(Scheduler.newSession(), scheduler, runner, release, context,
                    programsLeft);
            programs.forEach((program, tests) -> new ProgramRun(session, program, tests).start());
            awaitAll(programsLeft);
            for (PlannedTest test : plan.tests()) {
                if (!release.isComplete(test.position())) {
                    release.complete(test.position(), TestRunner.lost(test));
                }
            }
            GradeReport report = new GradeReport(config.target().name(), config.exercises(), config.seed(),
                    config.lang(), release.all(), Duration.ofNanos(System.nanoTime() - start));
            listener.sessionFinished(report);
            return report;
        } finally {
            context.programs().closeAll();
            context.unregister();
            if (sharedScheduler == null) {
                scheduler.close();
            }
            ProgramLauncher.deleteRecursively(tempRoot);
        }
    }

    /** The test's hint in the language of the program it grades. */
    private Text hint(Method test) {
        ProgramKey program = Declarations.program(test.getDeclaringClass());
        return RequirementTexts.hint(test, ProgramLanguage.of(config.target(), program.exercise(), program.program()));
    }

    /** The session as its programs' runs see it: work goes to the scheduler, outcomes to the reports in order. */
    private record Runs(long number, Scheduler scheduler, TestRunner runner, OrderedRelease release,
                        GradingContext context, CountDownLatch programsLeft) implements ProgramRun.Session {

        @Override
        public void submit(List<PlannedTest> tests, int rank, Runnable work) {
            // One worker runs everything in report order, as a sequential run always has.
            int effectiveRank = scheduler.size() == 1 ? 0 : rank;
            // A chunk of one test that must run alone waits for idle workers; in a chunk of several (tests that
            // share a server, in order) such a test waits for the others to end when its turn comes (AloneLock).
            boolean alone = tests.size() == 1 && tests.get(0).runsAlone();
            scheduler.submit(new Scheduler.Priority(number, effectiveRank, tests.get(0).position()), alone, work);
        }

        @Override
        public void complete(int position, TestOutcome outcome) {
            release.complete(position, outcome);
        }

        @Override
        public void finished(ProgramKey program) {
            context.programs().close(program);
            programsLeft.countDown();
        }
    }

    private static void awaitAll(CountDownLatch programsLeft) {
        try {
            programsLeft.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("the grading session was interrupted", e);
        }
    }

    private static Path makeTempRoot(Path parent) {
        try {
            return Files.createTempDirectory(Files.createDirectories(parent), "socketlab-");
        } catch (IOException e) {
            throw new HarnessException("cannot create a temporary folder", e);
        }
    }
}
