package io.socketlab.grader.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported {@code grade.sh} as a student runs it, with {@code mvn}, {@code git} and {@code java} replaced by
 * stand-ins that log how they were called (the real grader and network are not needed to check what it asks of them).
 */
class GradeScriptTests {

    @TempDir
    Path dir;

    private Path repo;
    private Path bin;

    private record Run(int exitCode, String output, List<String> calls) {
    }

    @BeforeEach
    void exportWithStandIns() throws IOException {
        repo = dir.resolve("students");
        new StudentExport(StudentExportTests.HOME, StudentExportTests.PINS).writeTo(repo);
        bin = Files.createDirectories(dir.resolve("bin"));
        standIn("mvn", """
                echo "mvn $*" >> "$CALLS"
                while [ $# -gt 0 ]; do
                  if [ "$1" = -f ]; then mkdir -p "$(dirname "$2")/grader/target"; echo jar > "$(dirname "$2")/grader/target/socketlab-grader-public.jar"; fi
                  shift
                done
                """);
        standIn("git", """
                echo "git $*" >> "$CALLS"
                if [ "$1" = init ]; then mkdir -p "$3"; fi
                """);
        standIn("java", "echo \"java $*\" >> \"$CALLS\"\n");
    }

    @Test
    void gradesTheJavaTemplateByDefaultAndPassesOptionsOn() throws Exception {
        Run run = run("--exercises", "echo", "--lang", "es");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.calls()).anyMatch(c -> c.startsWith("mvn -B -q -pl student-template -am package"));
        assertThat(run.calls()).anyMatch(c -> c.startsWith("git -C .socketlab/upstream-v2026.1 fetch -q --depth 1 "
                + "https://github.com/uni-course/socketlab-2026.git v2026.1"));
        assertThat(last(run)).endsWith("-jar .socketlab/upstream-v2026.1/grader/target/socketlab-grader-public.jar "
                + "grade --target student --out target/grade-report --exercises echo --lang es");
        // The stand-in jar is not the pinned one: the student is told, and the grade of pushes is what counts.
        assertThat(run.output()).contains("not the pinned " + StudentExportTests.SHA);
    }

    @Test
    void gradesAManifestGivenFirstWithoutBuildingTheJavaTemplate() throws Exception {
        Files.writeString(repo.resolve("my.properties"), "echo.server = python3 echo/server.py\n");

        Run run = run("my.properties", "--lang", "es");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.calls()).noneMatch(c -> c.contains("-pl student-template"));
        assertThat(last(run)).endsWith("grade --target " + repo.resolve("my.properties") + " --out target/grade-report --lang es");
    }

    @Test
    void takesTheManifestAfterTargetTooAndAnOutOfTheStudentsOnce() throws Exception {
        Files.writeString(repo.resolve("my.properties"), "echo.server = python3 echo/server.py\n");

        Run run = run("--lang", "es", "--target", "my.properties", "--out", "mine");

        assertThat(run.exitCode()).as(run.output()).isZero();
        // Given once each: the grader would refuse an option twice ("should be specified only once").
        assertThat(last(run)).endsWith("grade --target " + repo.resolve("my.properties") + " --lang es --out mine");
    }

    @Test
    void refusesAMissingManifestAndATargetWithoutOneClearly() throws Exception {
        Run missing = run("nowhere.properties");
        Run dangling = run("--target");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.output()).contains("no such manifest: " + repo.resolve("nowhere.properties"));
        assertThat(dangling.exitCode()).isEqualTo(2);
        assertThat(dangling.output()).contains("--target needs a manifest");
        assertThat(missing.calls()).isEmpty();
    }

    @Test
    void aPythonRepositorysScriptGradesItsManifestFromWhereverItIsRun() throws Exception {
        Path python = dir.resolve("python");
        new StudentExport(StudentExportTests.HOME, StudentExportTests.PINS, StudentExport.Platform.GITHUB_ACTIONS,
                StudentExport.Language.PYTHON).writeTo(python);

        Run run = run(python.resolve("echo"), "../grade.sh", "--exercises", "echo");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.calls()).noneMatch(c -> c.startsWith("mvn -B -q -pl student-template"));
        assertThat(run.calls()).anyMatch(c -> c.startsWith("git -C .socketlab/upstream-v2026.1 fetch -q --depth 1 "
                + "https://github.com/uni-course/socketlab-2026.git v2026.1"));
        assertThat(last(run)).endsWith("-jar .socketlab/upstream-v2026.1/grader/target/socketlab-grader-public.jar "
                + "grade --target socketlab.properties --out grade-report --exercises echo");
        assertThat(run.output()).contains("not the pinned " + StudentExportTests.SHA);
    }

    private static String last(Run run) {
        assertThat(run.calls()).isNotEmpty();
        return run.calls().get(run.calls().size() - 1);
    }

    private void standIn(String name, String body) throws IOException {
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run run(String... args) throws Exception {
        return run(repo, "grade.sh", args);
    }

    private Run run(Path from, String script, String... args) throws Exception {
        Path calls = dir.resolve("calls-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of("sh", script));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(from.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("CALLS", calls.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("grade.sh finished").isTrue();
        List<String> logged = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        return new Run(process.exitValue(), output, logged);
    }
}
