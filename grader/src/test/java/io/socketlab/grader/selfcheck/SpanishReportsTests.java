package io.socketlab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.model.GradeReport;
import io.socketlab.grader.model.GraderEdition;
import io.socketlab.grader.model.GradingListener;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Timeouts;
import io.socketlab.grader.model.Verdict;
import io.socketlab.grader.process.ProgramCommand;
import io.socketlab.grader.process.Target;
import io.socketlab.grader.process.Targets;
import io.socketlab.grader.report.Reports;
import io.socketlab.grader.report.SpecLinks;
import io.socketlab.grader.session.SessionConfig;
import io.socketlab.grader.variants.Variants.Variant;
import io.socketlab.grader.variants.chat.CaseInsensitiveNicksChatServer;
import io.socketlab.grader.variants.chat.NoQuitOnEofChatClient;
import io.socketlab.grader.variants.hostile.HangingSocketsClient;
import io.socketlab.grader.variants.hostile.StubbornSocketsServer;
import io.socketlab.grader.variants.http.CrashOnBadRequestLineHttpServer;
import io.socketlab.grader.variants.http.PrintlnBodyHttpClient;
import io.socketlab.grader.variants.filetransfer.NoDigestCheckFileTransferServer;
import io.socketlab.grader.variants.serialization.LenientValidationSerializationServer;
import io.socketlab.grader.variants.udpstream.SingleHeaderStreamSender;
import io.socketlab.grader.variants.udpstream.TruncationCrashStreamReceiver;
import io.socketlab.grader.variants.udptransfer.ExtraChunkUdpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --lang es} run has no English left in any report (issue 15): one grading session in Spanish over the
 * reference, the untouched template, broken variants, hostile programs, a missing program and a command that cannot
 * start, so that failures with their transcripts and hints, BLOCKED, NOT_SUBMITTED, ERROR, INFO measurements, a
 * timeout, a server that outlives SIGTERM and a server that dies all appear; then every report format it writes is
 * searched for the English phrases of the grader's catalogue ({@link EnglishPhrases}).
 */
// Alone: it checks that no process the JVM started outlives its session, which other classes' sessions would break.
@Isolated
class SpanishReportsTests {

    /** The report files one run writes (see {@link Reports#standard}), besides the console. */
    private static final List<String> REPORT_FILES = List.of("results.json", "junit.xml", "summary.md", "report.html",
            "annotations.txt", "classroom50/result.json", "classroom50/release-body.md");

    /** The clauses graded (each program's baseline comes with them): the ones the programs below break or pass. */
    private static final Set<String> CLAUSES = Set.of("SOCK-8", "SOCK-10", "ECHO-2", "ECHO-8", "SER-4", "CHAT-1",
            "CHAT-11", "HTTP-11", "HTTP-19", "QUIZ-2", "FT-5", "UT-1", "UT-17", "US-8", "US-11", "PROJ-4", "PROJ-6");

    @AfterEach
    void nothingOutlivesTheSession() {
        SelfCheck.awaitNoSurvivingProcesses();
    }

    @Test
    void aSpanishRunLeavesNoEnglishInAnyReport(@TempDir Path out) throws Exception {
        StringWriter console = new StringWriter();
        Reports spanish = Reports.standard(new PrintWriter(console, true), out, Lang.ES, false,
                SpecLinks.relative(out, Optional.empty()), Map.of(), GraderEdition.current());
        SessionConfig config = new SessionConfig(new Mixed(), List.of("sockets", "echo", "serialization", "chat",
                "quiz", "http", "file-transfer", "udp-transfer", "udp-stream", "project"), SelfCheck.SEED, Lang.ES,
                Timeouts.DEFAULT, SelfCheck.SESSIONS).withClauses(CLAUSES);

        GradeReport report = SelfCheck.grade(config, spanish);

        assertThat(report.outcomes().stream().map(o -> o.verdict()).collect(Collectors.toSet()))
                .as("the run shows every kind of outcome" + SelfCheck.describe(report))
                .containsAll(EnumSet.of(Verdict.PASS, Verdict.FAIL, Verdict.BLOCKED, Verdict.NOT_SUBMITTED,
                        Verdict.ERROR, Verdict.INFO));
        EnglishPhrases phrases = EnglishPhrases.fromCatalogue(Targets.home().orElseThrow());
        Map<String, String> reports = new TreeMap<>();
        reports.put("console", console.toString());
        for (String file : REPORT_FILES) {
            reports.put(file, EnglishPhrases.readable(out.resolve(file)));
        }

        // The phrases are English a report would show: the same outcomes reported in English hold many of them.
        StringWriter englishConsole = new StringWriter();
        replay(report, Reports.standard(new PrintWriter(englishConsole, true), null, Lang.EN));
        assertThat(phrases.foundIn(englishConsole.toString())).as("English phrases in the English console report")
                .hasSizeGreaterThan(20);

        List<String> leaks = reports.entrySet().stream()
                .flatMap(e -> phrases.foundIn(e.getValue()).stream().map(leak -> e.getKey() + ": " + leak))
                .toList();
        assertThat(leaks).as("English in the Spanish reports (%d phrases checked)", phrases.size()).isEmpty();
    }

    private static void replay(GradeReport report, GradingListener listener) {
        listener.sessionStarted(report.target(), report.exercises(), report.seed());
        report.outcomes().forEach(listener::testFinished);
        listener.sessionFinished(report);
    }

    /**
     * One submission made of many: per (exercise, program) the reference, the untouched template, a broken or hostile
     * variant, a command that cannot start, or nothing at all.
     */
    private static final class Mixed implements Target {

        private final Target reference = Targets.resolve(Targets.REFERENCE);
        private final Target template = Targets.resolve(Targets.STUDENT);

        @Override
        public String name() {
            return "mixed";
        }

        @Override
        public Optional<ProgramCommand> program(String exercise, Program program) {
            return switch (exercise + "." + program.id()) {
                case "sockets.server" -> variant("sockets", "server", StubbornSocketsServer.class);
                case "sockets.client" -> variant("sockets", "client", HangingSocketsClient.class);
                case "echo.server" -> template.program(exercise, program);
                case "echo.client" -> reference.program(exercise, program);
                case "serialization.server" -> variant(exercise, "server", LenientValidationSerializationServer.class);
                case "chat.server" -> variant(exercise, "server", CaseInsensitiveNicksChatServer.class);
                case "chat.client" -> variant(exercise, "client", NoQuitOnEofChatClient.class);
                case "quiz.server" -> Optional.of(new ProgramCommand(List.of("/nonexistent/socketlab/quiz-server"),
                        null, "./quiz-server"));
                case "http.server" -> variant(exercise, "server", CrashOnBadRequestLineHttpServer.class);
                case "http.client" -> variant(exercise, "client", PrintlnBodyHttpClient.class);
                case "quiz.client" -> template.program(exercise, program);
                case "file-transfer.server" -> variant(exercise, "server", NoDigestCheckFileTransferServer.class);
                case "udp-transfer.server" -> variant(exercise, "server", ExtraChunkUdpServer.class);
                case "udp-transfer.client" -> reference.program(exercise, program);
                case "udp-stream.server" -> variant(exercise, "server", TruncationCrashStreamReceiver.class);
                case "udp-stream.client" -> variant(exercise, "client", SingleHeaderStreamSender.class);
                // Not a Java module of this repository: its code checks are not submitted, its --help fails.
                case "project.server" -> template.program(exercise, program);
                default -> Optional.empty();
            };
        }

        private static Optional<ProgramCommand> variant(String exercise, String program, Class<?> main) {
            return SelfCheck.variant(new Variant(exercise, program, main, null)).program(exercise,
                    Program.valueOf(program.toUpperCase(Locale.ROOT)));
        }
    }
}
