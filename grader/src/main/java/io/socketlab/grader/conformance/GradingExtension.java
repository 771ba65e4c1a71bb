package io.socketlab.grader.conformance;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.process.BuiltinTarget;
import io.socketlab.grader.process.LimitBreach;
import io.socketlab.grader.process.ProgramCommand;
import io.socketlab.grader.process.Readiness;
import io.socketlab.grader.process.Target;
import java.lang.reflect.Method;
import java.util.List;
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
 * tests whose program's baseline failed (BLOCKED), injects the fixtures (a program's tests share its server
 * whichever class they are in), holds a {@link RunsAlone} test until nothing else runs, names a crash a crash, and
 * publishes each test's transcript and program output for the reports.
 */
public final class GradingExtension implements ExecutionCondition, BeforeEachCallback, AfterTestExecutionCallback,
        AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler {

    /** Prefix of a skip reason meaning the target does not submit this program. */
    public static final String NOT_SUBMITTED = "NOT_SUBMITTED: ";
    /** Prefix of a skip reason meaning the program's baseline failed. */
    public static final String BLOCKED = "BLOCKED: ";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GradingExtension.class);
    private static final String SCOPE = "scope";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("containers always run");
        }
        if (context.getConfigurationParameter(GradingContext.SESSION_PARAMETER).isEmpty()) {
            // Run by an IDE or a test runner pattern that matched it: a suite grades only inside a session.
            return ConditionEvaluationResult.disabled("conformance suites run inside a grading session "
                    + "(socketlab-grader grade), not on their own");
        }
        ProgramKey program = Declarations.program(context.getRequiredTestClass());
        if (command(context, program).isEmpty()) {
            return ConditionEvaluationResult.disabled(NOT_SUBMITTED + "the target has no " + program);
        }
        Optional<String> notGradable = codeCheckNotGradable(context);
        if (notGradable.isPresent()) {
            return ConditionEvaluationResult.disabled(NOT_SUBMITTED + notGradable.get());
        }
        Boolean baselinePassed = session(context).programs().of(program).baselinePassed();
        if (Boolean.FALSE.equals(baselinePassed) && !Declarations.isBaseline(context.getRequiredTestMethod())) {
            return ConditionEvaluationResult.disabled(BLOCKED + "the " + program + " baseline test failed");
        }
        return ConditionEvaluationResult.enabled("submitted");
    }

    /** Why a {@link CodeCheck} cannot grade this target: neither a Java module nor a manifest with the command. */
    private static Optional<String> codeCheckNotGradable(ExtensionContext context) {
        CodeCheck check = context.getRequiredTestMethod().getAnnotation(CodeCheck.class);
        if (check == null) {
            return Optional.empty();
        }
        Target target = session(context).target();
        boolean javaModule = target instanceof BuiltinTarget builtin && builtin.moduleDir().isPresent();
        boolean named = !check.manifestKey().isEmpty() && target.command(check.manifestKey()).isPresent();
        return javaModule || named ? Optional.empty() : Optional.of(check.whyNot());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Waits here, before any fixture starts, until this test may run (alone, or beside others).
        boolean alone = Declarations.runsAlone(context.getRequiredTestMethod());
        context.getStore(NAMESPACE).put(SCOPE, new TestScope(AloneLock.acquire(alone)));
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
        ProgramKey program = Declarations.program(context.getRequiredTestClass());
        TestScope scope = scope(context);
        if (type == CodeUnderTest.class) {
            CodeUnderTest code = session.programs().of(program).code(() -> new CodeUnderTest(session));
            code.bind(scope);
            return code;
        }
        if (type == ReferencePeer.class) {
            return new ReferencePeer(session, program.exercise(), scope);
        }
        ProgramCommand command = command(context, program).orElseThrow();
        if (type == ServerUnderTest.class) {
            return server(context, session, program, command, scope);
        }
        return new ClientUnderTest(session, program.label(), command, scope);
    }

    /** The program's shared server, or one of the test's own when its class asks for a fresh server per test. */
    private static ServerUnderTest server(ExtensionContext context, GradingContext session, ProgramKey program,
                                          ProgramCommand command, TestScope scope) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<ServerSetup> setup = Declarations.serverSetup(testClass);
        ServerUnderTest server;
        if (Declarations.suite(testClass).freshServerPerTest()) {
            server = scope.own(newServer(session, program, command, setup));
        } else {
            server = session.programs().of(program).server(() -> newServer(session, program, command, setup));
        }
        server.bind(scope, RequirementTexts.title(context.getRequiredTestMethod()));
        scope.useServer(server);
        return server;
    }

    private static ServerUnderTest newServer(GradingContext session, ProgramKey program, ProgramCommand command,
                                             Optional<ServerSetup> setup) {
        return new ServerUnderTest(session, program.label(), command,
                setup.map(ServerSetup::readiness).orElse(Readiness.TCP),
                setup.map(s -> List.of(s.arguments())).orElse(List.of()));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        ServerUnderTest server = scope(context).server();
        Optional<LimitBreach> breach = scope(context).limitBreach()
                .or(() -> server != null ? server.limitBreach() : Optional.empty());
        if (breach.isPresent()) {
            // Whatever the test saw (a timeout, a reset, even a harness error), a sandbox limit stopped the program.
            ConformanceFailure limited = ConformanceFailure.crashed(Text.of("during this test", "durante esta prueba"),
                    Text.of("the program within the sandbox's limits", "el programa dentro de los límites del sandbox"),
                    breach.get().description())
                    .withHint(breach.get().hint());
            limited.initCause(thrown);
            throw limited;
        }
        boolean alreadyCrash = thrown instanceof ConformanceFailure failure && failure.kind() == FailureKind.CRASHED;
        if (server != null && !alreadyCrash) {
            // Whatever the probe saw (a refusal, a reset, a timeout), the cause is that the server died.
            Optional<ConformanceFailure> crash = server.crashBehind(thrown);
            if (crash.isPresent()) {
                throw crash.get();
            }
        }
        throw thrown;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Method test = context.getRequiredTestMethod();
        if (Declarations.isBaseline(test)) {
            Optional<Throwable> thrown = context.getExecutionException();
            ProgramStates.Shared shared = session(context).programs().of(Declarations.program(context.getRequiredTestClass()));
            if (thrown.isEmpty()) {
                shared.baselinePassed(true);
            } else if (Failures.classify(thrown.get()).verdict() == Verdict.FAIL) {
                shared.baselinePassed(false);
            }
            // A harness error in the baseline blocks nothing: the session retries it.
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestScope scope = scope(context);
        ServerUnderTest server = scope.server();
        if (server != null) {
            if (context.getExecutionException().isPresent()) {
                server.reportOutputOfThisTest();
            }
            server.unbind();
        }
        ReportEntries.publish(context, scope, session(context).lang());
    }

    private static GradingContext session(ExtensionContext context) {
        String id = context.getConfigurationParameter(GradingContext.SESSION_PARAMETER)
                .orElseThrow(() -> new IllegalStateException("conformance suites run inside a grading session"));
        return GradingContext.lookup(id);
    }

    private static Optional<ProgramCommand> command(ExtensionContext context, ProgramKey program) {
        return session(context).target().program(program.exercise(), program.program());
    }

    private static TestScope scope(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(SCOPE, TestScope.class);
    }
}
