package io.socketlab.grader.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The student-facing repository exported from this one, and the comparison of a fork with it. */
class StudentExportTests {

    static final Path HOME = Path.of(System.getProperty("socketlab.home", "..")).toAbsolutePath().normalize();
    static final String SHA = "ab".repeat(32);
    static final Pins PINS = new Pins("uni-course/socketlab-2026", "v2026.1", SHA);

    @TempDir
    Path dir;

    private final StudentExport export = new StudentExport(HOME, PINS);

    @Test
    void exportsTheTemplateSpecsWorkflowAndStudentFilesButNeverTheReferenceNorTheGrader() {
        Map<String, byte[]> files = export.files();

        assertThat(files.keySet()).contains("pom.xml", "README.md", "grade.sh", ".gitignore",
                ".github/workflows/grade.yml", "student-template/pom.xml", "specs/README.md", "specs/echo.md",
                "student-template/src/main/java/io/socketlab/student/echo/EchoServer.java",
                "student-template/src/main/resources/META-INF/socketlab/programs.properties");
        assertThat(files.keySet()).noneMatch(path -> path.startsWith("reference/") || path.startsWith("grader/")
                || path.startsWith("examples/") || path.contains("/target/") || path.endsWith("ci.yml"));
        assertThat(files.keySet()).allMatch(path -> !path.contains("\\"));
    }

    @Test
    void theParentPomBuildsOnlyTheTemplate() throws Exception {
        String pom = new String(export.files().get("pom.xml"), StandardCharsets.UTF_8);

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(pom.getBytes(StandardCharsets.UTF_8)));
        NodeList modules = document.getElementsByTagName("module");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            names.add(modules.item(i).getTextContent());
        }
        assertThat(names).containsExactly("student-template");
        assertThat(document.getElementsByTagName("profiles").getLength()).isZero();
        assertThat(pom).doesNotContain("grade.target", "reference", "<module>grader").contains("project.build.outputTimestamp");
    }

    @Test
    void theWorkflowIsPinnedToTheUpstreamGrader() {
        String workflow = new String(export.files().get(".github/workflows/grade.yml"), StandardCharsets.UTF_8);

        assertThat(workflow).contains("  SOCKETLAB_UPSTREAM: \"uni-course/socketlab-2026\"\n",
                "  SOCKETLAB_REF: \"v2026.1\"\n", "  SOCKETLAB_GRADER_SHA256: \"" + SHA + "\"\n");
        assertThat(workflow).doesNotContain("course-org/socketlab\n");
    }

    @Test
    void pinsNotGivenKeepTheWorkflowsValues() throws IOException {
        String original = Files.readString(HOME.resolve(StudentExport.WORKFLOW));

        String kept = new String(new StudentExport(HOME, new Pins(null, null, null)).files()
                .get(StudentExport.WORKFLOW), StandardCharsets.UTF_8);

        assertThat(kept).isEqualTo(original);
    }

    @Test
    void theReadmeGivesTheTwoCommandsInBothLanguagesAndNamesThePinnedGrader() {
        String readme = new String(export.files().get("README.md"), StandardCharsets.UTF_8);

        assertThat(readme).contains("## The two commands", "## Las dos órdenes", "mvn -B package", "./grade.sh",
                "uni-course/socketlab-2026", "v2026.1", "report.html", "results.json");
        assertThat(readme).doesNotContain("${");
        String script = new String(export.files().get("grade.sh"), StandardCharsets.UTF_8);
        assertThat(script).contains("upstream=uni-course/socketlab-2026\n", "ref=v2026.1\n", "sha256=" + SHA + "\n")
                .doesNotContain("${SOCKETLAB");
    }

    @Test
    void anExportIsTheSameEveryTime() {
        Map<String, byte[]> first = export.files();
        Map<String, byte[]> second = new StudentExport(HOME, PINS).files();

        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
        first.forEach((path, bytes) -> assertThat(second.get(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void writesAnExecutableScriptIntoAnEmptyFolderOnly() throws IOException {
        Path out = dir.resolve("students");

        List<String> written = export.writeTo(out);

        assertThat(written).hasSize(export.files().size());
        assertThat(out.resolve("reference")).doesNotExist();
        assertThat(out.resolve("student-template/pom.xml")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(out.resolve("grade.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThatThrownBy(() -> export.writeTo(out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not empty");
    }

    @Test
    void aForkAsGivenHasNoEditsAndItsOwnCodeNeverCounts() throws IOException {
        Path fork = dir.resolve("fork");
        export.writeTo(fork);
        Files.writeString(fork.resolve("student-template/src/main/java/io/socketlab/student/echo/EchoServer.java"),
                "// the student's work\n");
        Files.createDirectories(fork.resolve("student-template/target/classes"));
        Files.writeString(fork.resolve("student-template/target/classes/x.class"), "built");

        assertThat(export.editedProtectedFiles(fork)).isEmpty();
    }

    @Test
    void listsEditedAddedAndDeletedProtectedFiles() throws IOException {
        Path fork = dir.resolve("fork");
        export.writeTo(fork);
        Files.writeString(fork.resolve("specs/echo.md"), "\nanything goes", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(fork.resolve("grade.sh"));
        Files.createDirectories(fork.resolve("grader/src"));
        Files.writeString(fork.resolve("grader/src/Easy.java"), "class Easy {}");
        Files.writeString(fork.resolve(".github/workflows/grade.yml"), "name: grade\n");
        Files.writeString(fork.resolve(".github/workflows/other.yml"), "name: other\n");

        assertThat(export.editedProtectedFiles(fork)).containsExactly(".github/workflows/grade.yml",
                ".github/workflows/other.yml", "grade.sh", "grader/src/Easy.java", "specs/echo.md");
    }

    @Test
    void exportsTheSpecsInEveryLanguageAndAManifestExampleTheyPointTo() throws IOException {
        Map<String, byte[]> files = export.files();

        try (var specs = Files.walk(HOME.resolve("specs"))) {
            specs.filter(Files::isRegularFile).map(HOME::relativize)
                    .forEach(spec -> assertThat(files).containsKey(spec.toString().replace('\\', '/')));
        }
        assertThat(files).containsKey(StudentExport.MANIFEST_EXAMPLE);
        files.forEach((path, bytes) -> {
            if (path.startsWith("specs/")) {
                assertThat(new String(bytes, StandardCharsets.UTF_8)).as(path).doesNotContain("examples/python");
            }
        });
        assertThat(new String(files.get("specs/README.md"), StandardCharsets.UTF_8))
                .contains(StudentExport.MANIFEST_EXAMPLE);
    }

    @Test
    void skipsBuildOutputOnlyWhereMavenWritesItNeverAStudentsFolderOfTheSameName() {
        assertThat(StudentExport.isSource(Path.of("target/classes/X.class"))).isFalse();
        assertThat(StudentExport.isSource(Path.of("src/main/java/io/socketlab/student/target/Aim.java"))).isTrue();
        assertThat(StudentExport.isSource(Path.of("src/main/python/__pycache__/x.pyc"))).isFalse();
        assertThat(StudentExport.isSource(Path.of("target"))).as("a file named target at the root").isTrue();
    }

    @Test
    void theGitignoreAnchorsEveryRule() {
        String gitignore = new String(export.files().get(".gitignore"), StandardCharsets.UTF_8);

        List<String> rules = gitignore.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).startsWith("/"))
                .contains("/student-template/target/", "/.socketlab/");
    }

    @Test
    void theReadmeSaysWhichFileIsWhichExerciseHowToRunAndGradeAndNeverContradictsItself() throws IOException {
        String readme = new String(export.files().get("README.md"), StandardCharsets.UTF_8);

        assertThat(readme).contains("## Which file is which exercise", "## Qué archivo es de qué ejercicio",
                "## Running one program by hand", "## Ejecutar un programa a mano", "./grade.sh socketlab.properties",
                "io.socketlab.student.echo.EchoServer --port 5000", "Maven Central");
        assertThat(readme).doesNotContain("GitHub Classroom", "nunca salen de tu repositorio");
        // Every program the template declares is in the table: its package's folder and its file.
        for (String mainClass : programs().values()) {
            String[] parts = mainClass.split("\\.");
            assertThat(readme).as(mainClass).contains("/" + parts[parts.length - 2] + "/", parts[parts.length - 1] + ".java");
        }
    }

    private static Map<String, String> programs() throws IOException {
        java.util.Properties programs = new java.util.Properties();
        try (var in = Files.newBufferedReader(HOME.resolve(
                "student-template/src/main/resources/META-INF/socketlab/programs.properties"))) {
            programs.load(in);
        }
        Map<String, String> byKey = new java.util.TreeMap<>();
        programs.stringPropertyNames().forEach(key -> byKey.put(key, programs.getProperty(key).strip()));
        return byKey;
    }

    @Test
    void aPinThatIsNotAPlainNameIsRefused() {
        assertThatThrownBy(() -> new Pins("uni/repo", "v1\n  evil: true", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--upstream-ref");
        assertThatThrownBy(() -> new Pins("not a repo", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--upstream");
        assertThatThrownBy(() -> new Pins(null, null, "ABC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--grader-sha256");
    }

    @Test
    void aFolderThatIsNotTheHarnessIsRefused() {
        assertThatThrownBy(() -> new StudentExport(dir, PINS).files())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a SocketLab repository");
    }
}
