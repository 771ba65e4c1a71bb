package io.socketlab.grader.suites.project;

import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.CodeUnderTest;
import io.socketlab.grader.process.BuiltinTarget;
import io.socketlab.grader.process.ProgramCommand;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jacoco.agent.AgentJar;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.tools.ExecFileLoader;

/**
 * The target's own tests, run once per grading session: for a Java module, its project package's JUnit tests in
 * a JVM of their own with the JaCoCo agent attached; for a manifest, its {@code project.test} command.
 */
final class OwnTestRun {

    static final String TEST_KEY = "project.test";
    static final String COVERAGE_KEY = "project.coverage";
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Pattern PERCENT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*%?\\s*$");

    /** How a run went, and the line coverage it measured (Java modules only). */
    record Run(ClientResult result, Optional<Coverage> coverage) {
        boolean passed() {
            return result.exitCode() == 0;
        }
    }

    /** Covered lines of the project's main code, out of all of them. */
    record Coverage(int covered, int total) {
        double percent() {
            return total == 0 ? 0 : 100.0 * covered / total;
        }

        Text describe() {
            return Text.format("%.1f %% (%d of %d lines)", "%.1f %% (%d de %d líneas)", percent(), covered, total);
        }
    }

    private OwnTestRun() {
    }

    /** The run, shared by every test of the class. */
    static Run of(CodeUnderTest code) {
        return code.once("own-tests", () -> code.module().map(module -> runJava(code, module))
                .orElseGet(() -> new Run(code.run("project-tests", code.target().command(TEST_KEY).orElseThrow(),
                        List.of(), code.timeouts().scaled(LIMIT)), Optional.empty())));
    }

    /** A manifest's own measure: the last number its {@code project.coverage} command prints, as a percentage. */
    static Optional<Double> manifestCoverage(CodeUnderTest code) {
        ClientResult result = code.once("own-coverage", () -> code.run("project-coverage",
                code.target().command(COVERAGE_KEY).orElseThrow(), List.of(), code.timeouts().scaled(LIMIT)));
        List<String> lines = result.stdoutLines().stream().filter(line -> !line.isBlank()).toList();
        if (result.exitCode() != 0 || lines.isEmpty()) {
            return Optional.empty();
        }
        Matcher number = PERCENT.matcher(lines.get(lines.size() - 1).strip());
        return number.find() ? Optional.of(Double.parseDouble(number.group(1))) : Optional.empty();
    }

    /** The project package's compiled main classes, e.g. {@code reference/target/classes/io/socketlab/reference/project}. */
    static Path projectClasses(BuiltinTarget module) {
        return module.classesDir().orElseThrow().resolve(projectPackage(module).replace('.', '/'));
    }

    static String projectPackage(BuiltinTarget module) {
        return module.rootPackage().orElse("io.socketlab.student") + ".project";
    }

    private static Run runJava(CodeUnderTest code, BuiltinTarget module) {
        Path folder = code.newFolder("project-tests");
        Path agent = folder.resolve("jacocoagent.jar");
        Path exec = folder.resolve("own-tests.exec");
        try {
            AgentJar.extractTo(agent.toFile());
        } catch (IOException e) {
            throw new HarnessException(Text.format("cannot extract the JaCoCo agent: %s",
                    "no se puede extraer el agente de JaCoCo: %s", e.getMessage()), e);
        }
        String pkg = projectPackage(module);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-javaagent:" + agent + "=destfile=" + exec + ",includes=" + pkg + ".*",
                "-cp", classpath(module), OwnTestsRunner.class.getName(), pkg);
        ClientResult result = code.run("project-tests", new ProgramCommand(command, null,
                        "java " + OwnTestsRunner.class.getSimpleName() + " " + pkg),
                List.of(), code.timeouts().scaled(LIMIT));
        return new Run(result, Files.isRegularFile(exec) ? Optional.of(coverage(exec, projectClasses(module)))
                : Optional.empty());
    }

    /** The module's tests and classes and their libraries first, then the grader's own (the JUnit launcher). */
    private static String classpath(BuiltinTarget module) {
        Path dir = module.moduleDir().orElseThrow();
        List<String> entries = new ArrayList<>(List.of(dir.resolve("target/test-classes").toString(),
                module.classesDir().orElseThrow().toString()));
        Path libraries = dir.resolve("target/test-classpath.txt");
        try {
            if (Files.isRegularFile(libraries)) {
                String line = Files.readString(libraries, StandardCharsets.UTF_8).strip();
                if (!line.isEmpty()) {
                    entries.add(line);
                }
            }
        } catch (IOException e) {
            throw new HarnessException(Text.format("cannot read %s: %s", "no se puede leer %s: %s", libraries,
                    e.getMessage()), e);
        }
        // Absolute: the tests run in a private folder, and the grader may have been started as `java -jar grader/...`.
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Coverage coverage(Path exec, Path classes) {
        try {
            ExecFileLoader loader = new ExecFileLoader();
            loader.load(exec.toFile());
            CoverageBuilder builder = new CoverageBuilder();
            if (Files.isDirectory(classes)) {
                new Analyzer(loader.getExecutionDataStore(), builder).analyzeAll(classes.toFile());
            }
            ICounter lines = builder.getBundle("project").getLineCounter();
            return new Coverage(lines.getCoveredCount(), lines.getTotalCount());
        } catch (IOException e) {
            throw new HarnessException(Text.format("cannot read the coverage of the project's tests: %s",
                    "no se puede leer la cobertura de las pruebas del proyecto: %s", e.getMessage()), e);
        }
    }
}
