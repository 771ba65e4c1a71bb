package io.socketlab.grader.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketlab.grader.export.StudentExport.Language;
import io.socketlab.grader.export.StudentExport.Platform;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository a Python course's students get ({@code export-student --language python}): the template's files,
 * the specs in both languages, the shared workflow and grade.sh pinned for Python, a README that names only what is
 * there and says the same in both languages. Grading it is checked in {@code selfcheck.PythonTemplateTests} and
 * {@code PythonExamplesTests}, which grade this export.
 */
class PythonStudentExportTests {

    private static final Path HOME = StudentExportTests.HOME;
    private static final Path TEMPLATE = HOME.resolve("student-template-python");
    /** What the README names as grade.sh's output: written by a local grading, never exported. */
    private static final Set<String> WRITTEN_BY_GRADING = Set.of(".socketlab/", "grade-report/", "report.html",
            "summary.md", "results.json", "junit.xml");

    @TempDir
    Path dir;

    private final StudentExport export = new StudentExport(HOME, StudentExportTests.PINS, Platform.GITHUB_ACTIONS,
            Language.PYTHON);
    private final Map<String, byte[]> files = export.files();

    @Test
    void exportsTheTemplatesFilesAtTheRootWithTheSpecsInBothLanguages() throws IOException {
        assertThat(files.keySet()).contains("socketlab.properties", "README.md", "grade.sh", ".gitignore",
                StudentExport.WORKFLOW, "common/cli.py", "common/logs.py", "common/project_tests.py",
                "tests/programs.py", "specs/README.md", "specs/glossary.md", "specs/es/README.md",
                "specs/es/glosario.md");
        try (Stream<Path> specs = Files.walk(HOME.resolve("specs"))) {
            specs.filter(Files::isRegularFile).map(spec -> HOME.relativize(spec).toString().replace('\\', '/'))
                    .forEach(spec -> assertThat(files).containsKey(spec));
        }
        // Every program the manifest starts, and an example unit test per exercise folder.
        for (String command : manifest().values()) {
            Matcher script = Pattern.compile("python3 (\\S+\\.py)").matcher(command);
            assertThat(script.find()).as(command).isTrue();
            assertThat(files).containsKey(script.group(1));
        }
        for (String folder : List.of("sockets", "echo", "serialization", "chat", "quiz", "http", "filetransfer",
                "udptransfer", "udpstream", "project")) {
            assertThat(files).containsKey("tests/test_" + folder + ".py");
        }
    }

    @Test
    void exportsNoSolutionNoSuiteAndNothingOfTheJavaSide() throws IOException {
        assertThat(files.keySet()).noneMatch(path -> path.startsWith("reference/") || path.startsWith("grader/")
                || path.startsWith("examples/") || path.startsWith("student-template/")
                || path.startsWith("student-template-python/") || path.contains("hidden")
                || path.endsWith(".java") || path.endsWith(".class") || path.endsWith(".jar")
                || path.contains("__pycache__") || path.startsWith("grade-report/") || path.startsWith(".socketlab/"));
        assertThat(files).doesNotContainKeys("pom.xml", StudentExport.MANIFEST_EXAMPLE);
        // The code students get is the template's, byte for byte: never the examples' finished programs.
        Path examples = HOME.resolve("examples/python");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String path = file.getKey();
            if (path.endsWith(".py")) {
                assertThat(file.getValue()).as(path).isEqualTo(Files.readAllBytes(TEMPLATE.resolve(path)));
                if (path.endsWith("server.py") || path.endsWith("client.py")) {
                    assertThat(file.getValue()).as(path + " is not the example's")
                            .isNotEqualTo(Files.readAllBytes(examples.resolve(path)));
                }
            }
        }
    }

    @Test
    void theWorkflowAndGradeShAreTheSharedOnesPinnedForPython() {
        String workflow = text(StudentExport.WORKFLOW);
        assertThat(workflow).contains("  SOCKETLAB_LANGUAGE: \"python\"\n", "  SOCKETLAB_UPSTREAM: \"uni-course/socketlab-2026\"\n",
                "  SOCKETLAB_REF: \"v2026.1\"\n", "  SOCKETLAB_GRADER_SHA256: \"" + StudentExportTests.SHA + "\"\n");
        // Apart from its language, it is the Java students' workflow: one workflow, one digest check.
        String java = new String(new StudentExport(HOME, StudentExportTests.PINS).files().get(StudentExport.WORKFLOW),
                StandardCharsets.UTF_8);
        assertThat(workflow.replace("SOCKETLAB_LANGUAGE: \"python\"", "SOCKETLAB_LANGUAGE: java")).isEqualTo(java);

        String script = text("grade.sh");
        assertThat(script).contains("upstream=uni-course/socketlab-2026\n", "ref=v2026.1\n",
                        "sha256=" + StudentExportTests.SHA + "\n", "|| target=socketlab.properties\n",
                        "grader/target/socketlab-grader-public.jar", "--out grade-report")
                .doesNotContain("${SOCKETLAB", "${GRADE", "../grader");
    }

    @Test
    void theSpecsPointAtTheManifestStudentsHave() {
        files.forEach((path, bytes) -> {
            if (path.startsWith("specs/")) {
                assertThat(new String(bytes, StandardCharsets.UTF_8)).as(path).doesNotContain("examples/python");
            }
        });
        assertThat(text("specs/README.md")).contains("`socketlab.properties`");
    }

    @Test
    void theReadmeNamesOnlyWhatIsExportedAndSaysHowPushesAreGraded() {
        String readme = text("README.md");

        assertThat(readme).doesNotContain("${", "pom.xml", "student-template", "mvn -B package", "GitHub Classroom",
                "nunca salen de tu repositorio");
        assertThat(readme).contains("## How your pushes are graded", "## Cómo se evalúan tus push",
                "uni-course/socketlab-2026", "./grade.sh --target other.properties", "python3 -m unittest");
        Set<String> named = new TreeSet<>();
        named.addAll(links(readme));
        named.addAll(paths(readme));
        named.removeAll(WRITTEN_BY_GRADING);
        named.remove(StudentExportTests.PINS.upstream());
        assertThat(named).hasSizeGreaterThan(20)
                .allSatisfy(path -> assertThat(exists(path)).as(path + " is exported").isTrue());
    }

    @Test
    void theReadmeSaysTheSameInEnglishAndSpanish() {
        String readme = text("README.md");
        int split = readme.indexOf("\n---\n");
        String english = readme.substring(0, split);
        String spanish = readme.substring(split);

        assertThat(english).doesNotContain("Cómo", "órdenes");
        assertThat(headings(spanish)).hasSameSizeAs(headings(english)).hasSizeGreaterThan(5);
        assertThat(spans(spanish)).isEqualTo(spans(english));
        assertThat(commands(spanish)).isEqualTo(commands(english));
        assertThat(links(spanish)).isEqualTo(links(english).stream().map(PythonStudentExportTests::inSpanish).toList());
    }

    @Test
    void theGitignoreAnchorsEveryRule() {
        List<String> rules = text(".gitignore").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();

        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).startsWith("/"))
                .contains("/grade-report/", "/.socketlab/", "/**/__pycache__/");
    }

    @Test
    void aForksProgramsAndManifestAreItsOwnButItsGradeShSpecsAndWorkflowAreProtected() throws IOException {
        Path fork = dir.resolve("fork");
        export.writeTo(fork);
        assertThat(Files.isExecutable(fork.resolve("grade.sh"))).isTrue();
        Files.writeString(fork.resolve("echo/server.py"), "# the student's work\n");
        Files.writeString(fork.resolve("socketlab.properties"), "echo.server = python3 mine.py\n");
        Files.createDirectories(fork.resolve("echo/__pycache__"));
        Files.writeString(fork.resolve("echo/__pycache__/server.cpython-311.pyc"), "cache");
        assertThat(export.editedProtectedFiles(fork)).isEmpty();

        Files.writeString(fork.resolve("grade.sh"), "exit 0\n");
        Files.writeString(fork.resolve("specs/es/echo.md"), "\ntodo vale", StandardOpenOption.APPEND);
        Files.writeString(fork.resolve(".github/workflows/mine.yml"), "name: mine\n");
        assertThat(export.editedProtectedFiles(fork)).containsExactly(".github/workflows/mine.yml", "grade.sh",
                "specs/es/echo.md");
    }

    @Test
    void anExportIsTheSameEveryTimeAndClassroom50IsJavaOnly() {
        Map<String, byte[]> again = new StudentExport(HOME, StudentExportTests.PINS, Platform.GITHUB_ACTIONS,
                Language.PYTHON).files();

        assertThat(again.keySet()).containsExactlyElementsOf(files.keySet());
        files.forEach((path, bytes) -> assertThat(again.get(path)).as(path).isEqualTo(bytes));
        assertThatThrownBy(() -> new StudentExport(HOME, StudentExportTests.PINS, Platform.CLASSROOM50, Language.PYTHON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GitHub Actions only");
    }

    private String text(String path) {
        assertThat(files).containsKey(path);
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    private Map<String, String> manifest() throws IOException {
        Properties manifest = new Properties();
        manifest.load(new StringReader(text("socketlab.properties")));
        Map<String, String> commands = new java.util.TreeMap<>();
        manifest.stringPropertyNames().forEach(key -> commands.put(key, manifest.getProperty(key)));
        return commands;
    }

    /**
     * Whether a path the README names is in the export: a file, a folder, or a glob matching a file; a bare file name
     * (`cli.py`, in a sentence about `common/`) anywhere.
     */
    private boolean exists(String named) {
        String path = named.replaceAll("#.*$", "").replaceFirst("^\\./", "");
        if (!path.contains("/")) {
            return files.keySet().stream().anyMatch(file -> file.equals(path) || file.endsWith("/" + path));
        }
        if (path.contains("*")) {
            Pattern glob = Pattern.compile(Pattern.quote(path).replace("*", "\\E[^/]*\\Q"));
            return files.keySet().stream().anyMatch(file -> glob.matcher(file).matches());
        }
        return files.containsKey(path) || files.keySet().stream().anyMatch(file -> file.startsWith(
                path.endsWith("/") ? path : path + "/"));
    }

    /** Link targets in the text, in order: [text](target). */
    private static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        Matcher link = Pattern.compile("\\]\\(([^)]+)\\)").matcher(markdown);
        while (link.find()) {
            targets.add(link.group(1));
        }
        return targets;
    }

    /** The inline code spans that name a file or a folder of the repository. */
    private static List<String> paths(String markdown) {
        return spans(markdown).stream().filter(span -> span.matches("[\\w.*/-]+")
                && (span.contains("/") || span.matches(".*\\.(py|md|properties)"))).toList();
    }

    /** Inline code spans outside fenced blocks, in order. */
    private static List<String> spans(String markdown) {
        List<String> spans = new ArrayList<>();
        Matcher span = Pattern.compile("`([^`\\n]+)`").matcher(markdown.replaceAll("(?s)```.*?```", ""));
        while (span.find()) {
            spans.add(span.group(1));
        }
        return spans;
    }

    /** The command lines of fenced blocks, comments and the words a reader types in their own language left out. */
    private static List<String> commands(String markdown) {
        List<String> commands = new ArrayList<>();
        Matcher block = Pattern.compile("(?s)```\\w*\\n(.*?)```").matcher(markdown);
        while (block.find()) {
            block.group(1).lines().map(line -> line.replaceAll("\\s+#.*$", "").replaceAll("'[^']*'", "'…'")
                    .replaceAll("\\w+\\.properties", "….properties").strip()).forEach(commands::add);
        }
        return commands;
    }

    private static List<String> headings(String markdown) {
        return markdown.lines().filter(line -> line.startsWith("#")).toList();
    }

    private static String inSpanish(String link) {
        return link.replace("specs/", "specs/es/").replace("glossary.md", "glosario.md");
    }
}
