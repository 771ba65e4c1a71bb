package io.socketlab.grader.session;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureDetail;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Image;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.conformance.CodeCheck;
import io.socketlab.grader.conformance.Declarations;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Failures;
import io.socketlab.grader.conformance.GradingExtension;
import io.socketlab.grader.conformance.ProgramKey;
import io.socketlab.grader.conformance.ReportEntries;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.RequirementTexts;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Turns the JUnit Platform's events of one execution into graded {@link TestOutcome}s. */
final class OutcomeCollector implements TestExecutionListener {

    /** Chooses the hint a failed test shows. */
    @FunctionalInterface
    interface Hints {
        Text of(Method test);
    }

    private final Hints hints;
    private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
    private final Map<String, Long> startNanos = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
    private TestPlan plan;

    OutcomeCollector(Hints hints) {
        this.hints = hints;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        startNanos.put(id.getUniqueId(), System.nanoTime());
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        entries.computeIfAbsent(id.getUniqueId(), k -> new ConcurrentHashMap<>()).putAll(entry.getKeyValuePairs());
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            Verdict verdict = reason.startsWith(GradingExtension.NOT_SUBMITTED) ? Verdict.NOT_SUBMITTED
                    : reason.startsWith(GradingExtension.BLOCKED) ? Verdict.BLOCKED : Verdict.ERROR;
            String why = reason.replaceFirst("^[A-Z_]+: ", "");
            Text text = skipText(verdict, why, method(id).orElseThrow());
            record(id, verdict, null, new FailureDetail(Text.EMPTY, Text.EMPTY, text, null), Duration.ZERO);
        } else {
            // A skipped class: its tests never start, so report each of them with the class's reason.
            plan.getDescendants(id).stream().filter(TestIdentifier::isTest).forEach(t -> executionSkipped(t, reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
            result.getThrowable().ifPresent(thrown -> plan.getDescendants(id).stream()
                    .filter(TestIdentifier::isTest)
                    .filter(t -> !outcomes.containsKey(t.getUniqueId()))
                    .forEach(t -> record(t, Verdict.ERROR, null, harnessDetail(thrown), Duration.ZERO)));
            return;
        }
        Long started = startNanos.get(id.getUniqueId());
        Duration duration = started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
        Method method = method(id).orElseThrow();
        Requirement requirement = method.getAnnotation(Requirement.class);
        Text hint = hints.of(method);
        switch (result.getStatus()) {
            case SUCCESSFUL -> record(id, requirement.level() == Level.INFO ? Verdict.INFO : Verdict.PASS,
                    null, measurement(id), duration);
            case ABORTED -> record(id, Verdict.ERROR, null, harnessDetail(result.getThrowable().orElse(null)), duration);
            case FAILED -> {
                Throwable thrown = result.getThrowable().orElseThrow();
                Failures.Classification classification = Failures.classify(thrown);
                FailureDetail detail = switch (classification.verdict()) {
                    case FAIL -> failureDetail(thrown, classification.kind(), hint);
                    default -> harnessDetail(thrown);
                };
                record(id, classification.verdict(), classification.kind(), detail, duration);
            }
        }
    }

    private static FailureDetail failureDetail(Throwable thrown, FailureKind kind, Text hint) {
        if (thrown instanceof ConformanceFailure failure) {
            return failure.detail(hint);
        }
        String message = String.valueOf(thrown.getMessage());
        Text actual = switch (kind) {
            case TIMEOUT -> Text.of("the test's time ran out: " + message, "se agotó el tiempo de la prueba: " + message);
            case CLOSED_UNEXPECTEDLY -> Text.of("the connection failed: " + message, "la conexión falló: " + message);
            default -> Text.same(message);
        };
        return new FailureDetail(Text.EMPTY, Text.EMPTY, actual, hint);
    }

    /** What an INFO test measured, shown as its detail; {@code null} when it published nothing. */
    private FailureDetail measurement(TestIdentifier id) {
        Map<String, String> published = entries.getOrDefault(id.getUniqueId(), Map.of());
        String en = published.get(ReportEntries.MEASUREMENT);
        if (en == null) {
            return null;
        }
        String es = published.getOrDefault(ReportEntries.MEASUREMENT_ES, en);
        return new FailureDetail(Text.EMPTY, Text.EMPTY, Text.of(en, es), null);
    }

    /** The pictures a test attached, in order (see {@link ReportEntries#IMAGE}). */
    private static List<Image> images(Map<String, String> published) {
        List<Image> images = new ArrayList<>();
        for (int n = 1; published.containsKey(ReportEntries.IMAGE + n); n++) {
            String key = ReportEntries.IMAGE + n;
            images.add(new Image(Text.of(published.getOrDefault(key + ".caption", ""),
                    published.getOrDefault(key + ".caption.es", "")),
                    Base64.getDecoder().decode(published.get(key))));
        }
        return images;
    }

    /**
     * A harness error as the student reads it: the harness's own explanation in their language, or, for an exception
     * nobody expected, its class and message (the machine's words, the same in both languages).
     */
    private static FailureDetail harnessDetail(Throwable thrown) {
        Text message = thrown == null ? Text.of("aborted", "abortada")
                : thrown instanceof HarnessException harness ? harness.explanation()
                : Text.same(thrown.getClass().getSimpleName() + ": " + thrown.getMessage());
        return new FailureDetail(Text.EMPTY, Text.EMPTY, Text.format("harness error (not your fault): %s",
                "error del evaluador (no es culpa tuya): %s", message), null);
    }

    /**
     * Why a test did not run, in both languages. The reason JUnit carries is English (an IDE shows it); the Spanish is
     * built from what it is about: the program whose baseline failed or which the target lacks, or the code check's
     * own words.
     */
    private static Text skipText(Verdict verdict, String why, Method test) {
        ProgramKey program = Declarations.program(test.getDeclaringClass());
        String spanish = (program.program() == Program.SERVER ? "servidor" : "cliente") + " de " + program.exercise();
        CodeCheck check = test.getAnnotation(CodeCheck.class);
        return switch (verdict) {
            case NOT_SUBMITTED -> check != null && why.equals(check.whyNot())
                    ? Text.of("not submitted: " + check.whyNot(), "no entregado: " + check.whyNotEs())
                    : Text.of("not submitted: the target has no " + program, "no entregado: la entrega no incluye el "
                            + spanish);
            case BLOCKED -> Text.of("not run because the " + program + " baseline test failed",
                    "no se ejecutó porque falló la prueba base del " + spanish);
            default -> Text.same(why);
        };
    }

    private void record(TestIdentifier id, Verdict verdict, FailureKind kind, FailureDetail detail, Duration duration) {
        TestOutcome outcome = outcome(method(id).orElseThrow(), verdict, kind, detail, duration,
                entries.getOrDefault(id.getUniqueId(), Map.of()));
        synchronized (this) {
            outcomes.put(id.getUniqueId(), outcome);
        }
    }

    /** The outcome of {@code test}, with what it published (transcript, program output, pictures). */
    static TestOutcome outcome(Method test, Verdict verdict, FailureKind kind, FailureDetail detail, Duration duration,
                               Map<String, String> published) {
        Requirement requirement = test.getAnnotation(Requirement.class);
        ExerciseSuite suite = Declarations.suite(test.getDeclaringClass());
        return new TestOutcome(0, suite.exercise(), suite.program(), requirement.clause(),
                RequirementTexts.title(test), requirement.points(), requirement.level(),
                requirement.visibility(), verdict, kind, detail,
                published.getOrDefault(ReportEntries.TRANSCRIPT, ""),
                published.getOrDefault(ReportEntries.LOG, ""), duration, false, images(published));
    }

    private static Optional<Method> method(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getJavaMethod());
    }

    /** Outcomes keyed by JUnit unique id, in the order tests ended. */
    synchronized Map<String, TestOutcome> outcomes() {
        return new LinkedHashMap<>(outcomes);
    }

}
