package io.socketlab.grader.suites.project;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.CodeCheck;
import io.socketlab.grader.conformance.CodeUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The project's server and the project's code: --help, --port, SIGTERM, then the student's own tests, their line
 * coverage and the architecture rules. The code checks sit here, behind the server's baseline, so a project that
 * does not even start earns nothing for an empty but rule-abiding skeleton.
 */
@ExerciseSuite(exercise = "project", program = Program.SERVER)
class ProjectServerSuite {

    private static final Text OWN_TESTS = Text.of("running the project's own tests", "ejecutando las pruebas del proyecto");
    private static final Text COVERAGE = Text.of("measuring the line coverage of the project's own tests",
            "midiendo la cobertura de líneas de las pruebas del proyecto");
    private static final String NO_TESTS = "a non-Java target needs `project.test = <command>` in its manifest";
    private static final String NO_COVERAGE = "a non-Java target needs `project.coverage = <command printing the line %>`"
            + " in its manifest";
    private static final String JAVA_ONLY = "the architecture rules are checked on the classes of Java targets only";
    private static final String NO_TESTS_ES = "una entrega que no es Java necesita `project.test = <orden>` en su manifiesto";
    private static final String NO_COVERAGE_ES = "una entrega que no es Java necesita `project.coverage = <orden que"
            + " imprime la línea %>` en su manifiesto";
    private static final String JAVA_ONLY_ES = "las reglas de arquitectura solo se comprueban en las clases de las"
            + " entregas Java";

    @Baseline
    @Requirement(clause = "PROJ-1", points = 2)
    void answersHelp(ClientUnderTest server) {
        Help.expectUsage(server.startRaw(List.of("--help"))
                .awaitExit(Text.of("running the server with --help", "ejecutando el servidor con --help"),
                        server.timeouts().seconds(15)), "server");
    }

    @Requirement(clause = "PROJ-2", points = 2)
    void listensOnItsPort(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            server.expectAlive(Text.of("after a client connected", "tras conectarse un cliente"));
        }
    }

    @Requirement(clause = "PROJ-3", points = 1, level = Level.SHOULD)
    void exitsCleanlyOnSigterm(ServerUnderTest server) {
        server.port();
        server.expectCleanTermination();
    }

    @Requirement(clause = "PROJ-4", points = 4)
    @CodeCheck(manifestKey = OwnTestRun.TEST_KEY, whyNot = NO_TESTS, whyNotEs = NO_TESTS_ES)
    void ownTestsPass(CodeUnderTest code) {
        OwnTestRun.Run run = OwnTestRun.of(code);
        if (!run.passed()) {
            throw ConformanceFailure.wrongOutput(OWN_TESTS, Text.of("at least one test, every test passing (exit code 0)",
                            "al menos una prueba, y todas superadas (código de salida 0)"),
                    describe(run.result()));
        }
    }

    @Requirement(clause = "PROJ-5", points = 2)
    @CodeCheck(manifestKey = OwnTestRun.COVERAGE_KEY, whyNot = NO_COVERAGE, whyNotEs = NO_COVERAGE_ES)
    void ownTestsCoverAFair(CodeUnderTest code) {
        expectLineCoverage(code, 40);
    }

    @Requirement(clause = "PROJ-5", points = 2)
    @CodeCheck(manifestKey = OwnTestRun.COVERAGE_KEY, whyNot = NO_COVERAGE, whyNotEs = NO_COVERAGE_ES)
    void ownTestsCoverMost(CodeUnderTest code) {
        expectLineCoverage(code, 60);
    }

    @Requirement(clause = "PROJ-6", points = 1)
    @CodeCheck(whyNot = JAVA_ONLY, whyNotEs = JAVA_ONLY_ES)
    void noNativeSerialization(CodeUnderTest code) {
        expectRule(code, ArchitectureRules.noNativeObjectSerialization(), Text.of(
                "no class using ObjectInputStream or ObjectOutputStream",
                "ninguna clase que use ObjectInputStream ni ObjectOutputStream"));
    }

    @Requirement(clause = "PROJ-6", points = 1)
    @CodeCheck(whyNot = JAVA_ONLY, whyNotEs = JAVA_ONLY_ES)
    void socketsClosed(CodeUnderTest code) {
        expectRule(code, ArchitectureRules.socketsClosed(), Text.of("every socket and stream the code opens closed",
                "todo socket y flujo que abre el código, cerrado"));
    }

    @Requirement(clause = "PROJ-6", points = 1)
    @CodeCheck(whyNot = JAVA_ONLY, whyNotEs = JAVA_ONLY_ES)
    void exitOnlyFromMain(CodeUnderTest code) {
        expectRule(code, ArchitectureRules.exitOnlyFromMain(), Text.of("System.exit called only from main",
                "System.exit llamado solo desde main"));
    }

    private static void expectLineCoverage(CodeUnderTest code, double threshold) {
        Text expected = Text.format("at least %.0f %% of the project's lines run by its own tests",
                "al menos el %.0f %% de las líneas del proyecto ejecutadas por sus propias pruebas", threshold);
        if (code.module().isEmpty()) {
            Optional<Double> percent = OwnTestRun.manifestCoverage(code);
            if (percent.isEmpty()) {
                throw ConformanceFailure.wrongOutput(COVERAGE, expected, Text.of(
                        "project.coverage did not exit 0 with a percentage on its last line",
                        "project.coverage no terminó con 0 y un porcentaje en su última línea"));
            }
            if (percent.get() < threshold) {
                String measured = String.format(Locale.ROOT, "%.1f %%", percent.get());
                throw ConformanceFailure.wrongOutput(COVERAGE, expected, Text.same(measured));
            }
            return;
        }
        OwnTestRun.Run run = OwnTestRun.of(code);
        if (!run.passed() || run.coverage().isEmpty()) {
            throw ConformanceFailure.wrongOutput(COVERAGE, expected.plus(Text.of(", with every test passing",
                            ", con todas las pruebas superadas")),
                    describe(run.result()));
        }
        OwnTestRun.Coverage coverage = run.coverage().get();
        if (coverage.total() == 0 || coverage.percent() < threshold) {
            throw ConformanceFailure.wrongOutput(COVERAGE, expected, coverage.describe());
        }
    }

    private static void expectRule(CodeUnderTest code, ArchRule rule, Text expected) {
        Path classes = OwnTestRun.projectClasses(code.module().orElseThrow());
        Text step = Text.of("checking the project's classes", "comprobando las clases del proyecto");
        if (!Files.isDirectory(classes)) {
            throw ConformanceFailure.wrongOutput(step, Text.format("compiled classes in %s", "clases compiladas en %s", classes),
                    Text.of("no such folder: build the project first", "no existe esa carpeta: compila el proyecto antes"));
        }
        // Imported once for the program's three rules: reading every class file is the expensive part.
        JavaClasses imported = code.once("imported-classes", () -> new ClassFileImporter().importPath(classes));
        EvaluationResult result = rule.evaluate(imported);
        if (result.hasViolation()) {
            String details = String.join("\n", result.getFailureReport().getDetails().stream().limit(5).toList());
            // ArchUnit words its findings in English only: they are quoted as its own, like a program's output.
            throw ConformanceFailure.wrongOutput(step, expected, Text.format("what ArchUnit found:\n%s",
                    "lo que encontró ArchUnit (en inglés):\n%s", details));
        }
    }

    private static Text describe(ClientResult result) {
        List<String> lines = result.stdoutLines();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        String stderr = result.stderr().strip();
        String more = tail.isBlank() && !stderr.isEmpty() ? stderr.lines().limit(5).reduce((a, b) -> a + "\n" + b).orElse("") : tail;
        return result.exitDescription().suffixed(more.isEmpty() ? "" : "\n" + more);
    }
}
