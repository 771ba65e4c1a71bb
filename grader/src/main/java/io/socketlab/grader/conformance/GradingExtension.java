package io.socketlab.grader.conformance;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.process.ProgramCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Runs conformance tests inside a grading session: skips a program the target does not submit (NOT SUBMITTED) and
 * tests whose baseline failed (BLOCKED), injects the fixtures, names a crash a crash, and publishes each test's
 * transcript and program output for the reports.
 */
public final class GradingExtension implements ExecutionCondition, BeforeEachCallback, AfterTestExecutionCallback,
        AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler {

    /** Prefix of a skip reason meaning the target does not submit this program. */
    public static final String NOT_SUBMITTED = "NOT_SUBMITTED: ";
    /** Prefix of a skip reason meaning the program's baseline failed. */
    public static final String BLOCKED = "BLOCKED: ";
    /** Report entry keys the session reads. */
    public static final String TRANSCRIPT_ENTRY = "socketlab.transcript";
    public static final String LOG_ENTRY = "socketlab.log";
    /**
     * Report entry keys of the n-th picture a test attached (1-based): {@code socketlab.image.1} holds the PNG in
     * base64, {@code socketlab.image.1.caption} and {@code socketlab.image.1.caption.es} its caption.
     */
    public static final String IMAGE_ENTRY = "socketlab.image.";
    /**
     * Report entry keys of a measurement an INFO test publishes (English, Spanish) through JUnit's
     * {@code TestReporter}; the reports show it with the test.
     */
    public static final String MEASUREMENT_ENTRY = "socketlab.measurement";
    public static final String MEASUREMENT_ENTRY_ES = "socketlab.measurement.es";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GradingExtension.class);
    private static final String BASELINE_PASSED = "baseline-passed";
    private static final String SERVER = "server";
    private static final String CODE = "code";
    private static final String SCOPE = "scope";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("containers always run");
        }
        ExerciseSuite suite = suite(context);
        if (command(context, suite).isEmpty()) {
            return ConditionEvaluationResult.disabled(NOT_SUBMITTED + "the target has no "
                    + suite.exercise() + " " + suite.program().id());
        }
        Optional<String> notGradable = codeCheckNotGradable(context);
        if (notGradable.isPresent()) {
            return ConditionEvaluationResult.disabled(NOT_SUBMITTED + notGradable.get());
        }
        Boolean baselinePassed = classStore(context).get(BASELINE_PASSED, Boolean.class);
        if (Boolean.FALSE.equals(baselinePassed) && !isBaseline(context)) {
            return ConditionEvaluationResult.disabled(BLOCKED + "the " + suite.exercise() + " "
                    + suite.program().id() + " baseline test failed");
        }
        return ConditionEvaluationResult.enabled("submitted");
    }

    /** Why a {@link CodeCheck} cannot grade this target: neither a Java module nor a manifest with the command. */
    private static Optional<String> codeCheckNotGradable(ExtensionContext context) {
        CodeCheck check = context.getRequiredTestMethod().getAnnotation(CodeCheck.class);
        if (check == null) {
            return Optional.empty();
        }
        io.socketlab.grader.process.Target target = session(context).target();
        boolean javaModule = target instanceof io.socketlab.grader.process.BuiltinTarget builtin
                && builtin.moduleDir().isPresent();
        boolean named = !check.manifestKey().isEmpty() && target.command(check.manifestKey()).isPresent();
        return javaModule || named ? Optional.empty() : Optional.of(check.whyNot());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(SCOPE, new TestScope());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ServerUnderTest.class || type == ClientUnderTest.class || type == CodeUnderTest.class
                || type == Timeouts.class || type == Random.class || type == ReferencePeer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        GradingContext session = session(context);
        if (type == Timeouts.class) {
            return session.timeouts();
        }
        if (type == Random.class) {
            // Seeded per test, so a run can be replayed with --seed and tests do not depend on each other's draws.
            return new Random(session.seed() ^ context.getUniqueId().hashCode());
        }
        if (type == CodeUnderTest.class) {
            CodeUnderTest code = classStore(context).getOrComputeIfAbsent(CODE, key -> new CodeUnderTest(session),
                    CodeUnderTest.class);
            code.bind(scope(context));
            return code;
        }
        ExerciseSuite suite = suite(context);
        if (type == ReferencePeer.class) {
            return new ReferencePeer(session, suite.exercise(), scope(context));
        }
        ProgramCommand command = command(context, suite).orElseThrow();
        String label = suite.exercise() + "-" + suite.program().id();
        if (type == ServerUnderTest.class) {
            ServerUnderTest server = classStore(context).getOrComputeIfAbsent(SERVER,
                    key -> new ServerUnderTest(session, label, command, suite.readiness(),
                            java.util.List.of(suite.serverArguments())), ServerUnderTest.class);
            server.bind(scope(context));
            if (suite.freshServerPerTest()) {
                server.discard();
            }
            return server;
        }
        return new ClientUnderTest(session, label, command, scope(context));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        ServerUnderTest server = classStore(context).get(SERVER, ServerUnderTest.class);
        boolean alreadyCrash = thrown instanceof ConformanceFailure failure
                && failure.kind() == io.socketlab.grader.model.FailureKind.CRASHED;
        if (server != null && server.diedDuringTest() && !alreadyCrash) {
            // Whatever the probe saw (a reset, a timeout), the cause is that the server died.
            ConformanceFailure crash = ConformanceFailure.crashed(
                    Text.of("during this test", "durante esta prueba"), ServerUnderTest.KEEPS_RUNNING,
                    server.exitDescription());
            crash.initCause(thrown);
            throw crash;
        }
        throw thrown;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (isBaseline(context)) {
            Optional<Throwable> thrown = context.getExecutionException();
            if (thrown.isEmpty()) {
                classStore(context).put(BASELINE_PASSED, true);
            } else if (Failures.classify(thrown.get()).verdict() == io.socketlab.grader.model.Verdict.FAIL) {
                classStore(context).put(BASELINE_PASSED, false);
            }
            // A harness error in the baseline blocks nothing: the session retries it.
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestScope scope = scope(context);
        if (!scope.transcript().isEmpty()) {
            context.publishReportEntry(Map.of(TRANSCRIPT_ENTRY, scope.transcript().render()));
        }
        if (context.getExecutionException().isPresent()) {
            ServerUnderTest server = classStore(context).get(SERVER, ServerUnderTest.class);
            if (server != null) {
                scope.addLog("server", server.log());
            }
        }
        String logs = scope.logs();
        if (!logs.isBlank()) {
            context.publishReportEntry(Map.of(LOG_ENTRY, logs));
        }
        List<io.socketlab.grader.model.Image> images = scope.images();
        for (int n = 1; n <= images.size(); n++) {
            io.socketlab.grader.model.Image image = images.get(n - 1);
            context.publishReportEntry(Map.of(IMAGE_ENTRY + n, java.util.Base64.getEncoder().encodeToString(image.png()),
                    IMAGE_ENTRY + n + ".caption", image.caption().en(),
                    IMAGE_ENTRY + n + ".caption.es", image.caption().es()));
        }
    }

    private static boolean isBaseline(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(Baseline.class)).orElse(false);
    }

    private static ExerciseSuite suite(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExerciseSuite suite = testClass.getAnnotation(ExerciseSuite.class);
        if (suite == null) {
            throw new IllegalStateException(testClass.getName() + " lacks @ExerciseSuite");
        }
        return suite;
    }

    private static GradingContext session(ExtensionContext context) {
        String id = context.getConfigurationParameter(GradingContext.SESSION_PARAMETER)
                .orElseThrow(() -> new IllegalStateException("conformance suites run inside a grading session"));
        return GradingContext.lookup(id);
    }

    private static Optional<ProgramCommand> command(ExtensionContext context, ExerciseSuite suite) {
        Program program = suite.program();
        return session(context).target().program(suite.exercise(), program);
    }

    /** The store of the test class, which outlives each test: the shared server and the baseline's result. */
    private static ExtensionContext.Store classStore(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        return classContext.getStore(NAMESPACE);
    }

    private static TestScope scope(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(SCOPE, TestScope.class);
    }
}
