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
import io.socketlab.grader.suite.Baseline;
import io.socketlab.grader.suite.ClientResult;
import io.socketlab.grader.suite.ClientUnderTest;
import io.socketlab.grader.suite.CodeCheck;
import io.socketlab.grader.suite.CodeUnderTest;
import io.socketlab.grader.suite.ExerciseTests;
import io.socketlab.grader.suite.Requirement;
import io.socketlab.grader.suite.ServerUnderTest;
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
@ExerciseTests(exercise = "project", program = Program.SERVER)
class ProjectServerTests {

    private static final Text OWN_TESTS = Text.of("running the project's own tests", "ejecutando las pruebas del proyecto");
    private static final Text COVERAGE = Text.of("measuring the line coverage of the project's own tests",
            "midiendo la cobertura de líneas de las pruebas del proyecto");
    private static final String NO_TESTS = "a non-Java target needs `project.test = <command>` in its manifest";
    private static final String NO_COVERAGE = "a non-Java target needs `project.coverage = <command printing the line %>`"
            + " in its manifest";
    private static final String JAVA_ONLY = "the architecture rules are checked on the classes of Java targets only";

    @Baseline
    @Requirement(clause = "PROJ-1", points = 2,
            title = "answers --help with a usage text and exit code 0",
            titleEs = "responde a --help con un texto de uso y código de salida 0",
            hint = "on --help print the synopsis and every option (--port, --host, ...) on stdout, then return from main",
            hintEs = "con --help imprime en stdout la sinopsis y cada opción (--port, --host, ...) y vuelve de main")
    void answersHelp(ClientUnderTest server) {
        Help.expectUsage(server.startRaw(List.of("--help"))
                .awaitExit(Text.of("running the server with --help", "ejecutando el servidor con --help"),
                        server.timeouts().seconds(15)), "server");
    }

    @Requirement(clause = "PROJ-2", points = 2,
            title = "listens on the TCP port given by --port",
            titleEs = "escucha en el puerto TCP indicado con --port",
            hint = "bind a ServerSocket to the --port you were given (never a fixed port) and accept connections",
            hintEs = "enlaza un ServerSocket al --port recibido (nunca a un puerto fijo) y acepta conexiones")
    void listensOnItsPort(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = server.connect()) {
            server.expectAlive(Text.of("after a client connected", "tras conectarse un cliente"));
        }
    }

    @Requirement(clause = "PROJ-3", points = 1, level = Level.SHOULD,
            title = "exits with code 0 on SIGTERM",
            titleEs = "termina con código 0 al recibir SIGTERM",
            hint = "install a shutdown hook that closes the listening socket and ends with exit code 0",
            hintEs = "instala un shutdown hook que cierre el socket de escucha y termine con código 0")
    void exitsCleanlyOnSigterm(ServerUnderTest server) {
        server.port();
        server.expectCleanTermination();
    }

    @Requirement(clause = "PROJ-4", points = 4,
            title = "the project's own tests run and pass",
            titleEs = "las pruebas propias del proyecto se ejecutan y pasan",
            hint = "write JUnit 5 tests in the project package under src/test/java; run them with `mvn test`",
            hintEs = "escribe pruebas JUnit 5 en el paquete del proyecto bajo src/test/java; ejecútalas con `mvn test`")
    @CodeCheck(manifestKey = OwnTests.TEST_KEY, whyNot = NO_TESTS)
    void ownTestsPass(CodeUnderTest code) {
        OwnTests.Run run = OwnTests.of(code);
        if (!run.passed()) {
            throw ConformanceFailure.wrongOutput(OWN_TESTS, "at least one test, every test passing (exit code 0)",
                    describe(run.result()));
        }
    }

    @Requirement(clause = "PROJ-5", points = 2,
            title = "the project's own tests run at least 40 % of its lines",
            titleEs = "las pruebas propias del proyecto ejecutan al menos el 40 % de sus líneas",
            hint = "test the protocol's logic directly, and the server through a real loopback socket",
            hintEs = "prueba la lógica del protocolo directamente y el servidor con un socket real en loopback")
    @CodeCheck(manifestKey = OwnTests.COVERAGE_KEY, whyNot = NO_COVERAGE)
    void ownTestsCoverAFair(CodeUnderTest code) {
        expectLineCoverage(code, 40);
    }

    @Requirement(clause = "PROJ-5", points = 2,
            title = "the project's own tests run at least 60 % of its lines",
            titleEs = "las pruebas propias del proyecto ejecutan al menos el 60 % de sus líneas",
            hint = "open the coverage report (grade --coverage, or your build's JaCoCo report) and test what is red",
            hintEs = "abre el informe de cobertura (grade --coverage o el informe JaCoCo de tu build) y prueba lo que sale en rojo")
    @CodeCheck(manifestKey = OwnTests.COVERAGE_KEY, whyNot = NO_COVERAGE)
    void ownTestsCoverMost(CodeUnderTest code) {
        expectLineCoverage(code, 60);
    }

    @Requirement(clause = "PROJ-6", points = 1,
            title = "uses no native Java object serialization",
            titleEs = "no usa la serialización nativa de objetos de Java",
            hint = "send a documented format (lines, JSON, a binary layout) instead of ObjectOutputStream",
            hintEs = "envía un formato documentado (líneas, JSON, un formato binario) en lugar de ObjectOutputStream")
    @CodeCheck(whyNot = JAVA_ONLY)
    void noNativeSerialization(CodeUnderTest code) {
        expectRule(code, ArchitectureRules.noNativeObjectSerialization());
    }

    @Requirement(clause = "PROJ-6", points = 1,
            title = "closes the sockets it opens",
            titleEs = "cierra los sockets que abre",
            hint = "open every socket in try-with-resources, or close it in a finally block",
            hintEs = "abre cada socket en un try-with-resources o ciérralo en un bloque finally")
    @CodeCheck(whyNot = JAVA_ONLY)
    void socketsClosed(CodeUnderTest code) {
        expectRule(code, ArchitectureRules.socketsClosed());
    }

    @Requirement(clause = "PROJ-6", points = 1,
            title = "calls System.exit only from main",
            titleEs = "llama a System.exit solo desde main",
            hint = "throw an exception (or return a code) from your methods and let main decide the exit code",
            hintEs = "lanza una excepción (o devuelve un código) desde tus métodos y deja que main decida el código de salida")
    @CodeCheck(whyNot = JAVA_ONLY)
    void exitOnlyFromMain(CodeUnderTest code) {
        expectRule(code, ArchitectureRules.exitOnlyFromMain());
    }

    private static void expectLineCoverage(CodeUnderTest code, double threshold) {
        String expected = String.format(Locale.ROOT, "at least %.0f %% of the project's lines run by its own tests",
                threshold);
        if (code.module().isEmpty()) {
            Optional<Double> percent = OwnTests.manifestCoverage(code);
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
        OwnTests.Run run = OwnTests.of(code);
        if (!run.passed() || run.coverage().isEmpty()) {
            throw ConformanceFailure.wrongOutput(COVERAGE, expected + ", with every test passing",
                    describe(run.result()));
        }
        OwnTests.Coverage coverage = run.coverage().get();
        if (coverage.total() == 0 || coverage.percent() < threshold) {
            throw ConformanceFailure.wrongOutput(COVERAGE, expected, Text.same(coverage.describe()));
        }
    }

    private static void expectRule(CodeUnderTest code, ArchRule rule) {
        Path classes = OwnTests.projectClasses(code.module().orElseThrow());
        Text step = Text.of("checking the project's classes", "comprobando las clases del proyecto");
        if (!Files.isDirectory(classes)) {
            throw ConformanceFailure.wrongOutput(step, "compiled classes in " + classes,
                    Text.of("no such folder: build the project first", "no existe esa carpeta: compila el proyecto antes"));
        }
        JavaClasses imported = new ClassFileImporter().importPath(classes);
        EvaluationResult result = rule.evaluate(imported);
        if (result.hasViolation()) {
            String details = String.join("\n", result.getFailureReport().getDetails().stream().limit(5).toList());
            throw ConformanceFailure.wrongOutput(step, rule.getDescription(), Text.same(details));
        }
    }

    private static Text describe(ClientResult result) {
        List<String> lines = result.stdoutLines();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        String stderr = result.stderr().strip();
        String more = tail.isBlank() && !stderr.isEmpty() ? stderr.lines().limit(5).reduce((a, b) -> a + "\n" + b).orElse("") : tail;
        return Text.of("exit code " + result.exitCode() + (more.isEmpty() ? "" : "\n" + more),
                "código de salida " + result.exitCode() + (more.isEmpty() ? "" : "\n" + more));
    }
}
