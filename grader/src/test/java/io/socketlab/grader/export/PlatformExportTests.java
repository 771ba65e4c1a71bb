package io.socketlab.grader.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Classroom 50 and Gradescope exports contain; {@code PlatformExportsIT} runs them. */
class PlatformExportTests {

    private static final Path HOME = StudentExportTests.HOME;
    private static final Pins PINS = StudentExportTests.PINS;

    @TempDir
    Path dir;

    @Test
    void classroom50ExportHasTheAutograderItsSiblingsTheRuntimeAndATemplateWithoutAWorkflow() throws Exception {
        Map<String, byte[]> files = new Classroom50Export(HOME, PINS, "networks-2026", "sockets-lab",
                List.of("all"), "es").files();

        String bundle = "classroom50/networks-2026/autograders/sockets-lab/";
        assertThat(files).containsKeys(bundle + "autograder.py", bundle + "socketlab.json", bundle + "student-pom.xml",
                bundle + "student-template-pom.xml", "runtime.json", "template/README.md",
                "template/student-template/pom.xml", "template/grade.sh");
        assertThat(files.keySet()).noneMatch(path -> path.startsWith("template/.github/"));
        JsonNode config = new ObjectMapper().readTree(files.get(bundle + "socketlab.json"));
        assertThat(config.get("upstream").asText()).isEqualTo("uni-course/socketlab-2026");
        assertThat(config.get("ref").asText()).isEqualTo("v2026.1");
        assertThat(config.get("grader_sha256").asText()).isEqualTo(StudentExportTests.SHA);
        assertThat(config.get("lang").asText()).isEqualTo("es");
        JsonNode runtime = new ObjectMapper().readTree(files.get("runtime.json"));
        assertThat(runtime.get("java").asText()).isEqualTo("17");
        assertThat(runtime.get("apt").toString()).contains("bubblewrap");
        String readme = new String(files.get("template/README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("Classroom 50", "uni-course/socketlab-2026").doesNotContain("grade.yml", "${");
        // The student's pom never builds what is graded: the course's does, with annotation processing off.
        assertThat(new String(files.get(bundle + "autograder.py"), StandardCharsets.UTF_8))
                .contains("student-template-pom.xml", "-Dmaven.compiler.proc=none", "socketlab-grader-public.jar");
        Path script = dir.resolve("autograder.py");
        Files.write(script, files.get(bundle + "autograder.py"));
        assertThat(run("python3", "-m", "py_compile", script.toString())).as("autograder.py compiles").isZero();
    }

    @Test
    void classroom50ExportRefusesNamesClassroom50WouldRefuseAndAMissingDigest() {
        assertThatThrownBy(() -> new Classroom50Export(HOME, PINS, "Networks 2026", "lab", List.of("all"), "en"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--classroom");
        assertThatThrownBy(() -> new Classroom50Export(HOME, PINS, "networks", "../lab", List.of("all"), "en"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--assignment");
        assertThatThrownBy(() -> new Classroom50Export(HOME, new Pins(null, null, null), "networks", "lab",
                List.of("all"), "en").files())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--grader-sha256");
    }

    @Test
    void gradescopeZipHasItsEntryPointsAtTheRootTheFullGraderTheReferenceAndIsTheSameEveryTime() throws Exception {
        Path jar = Files.writeString(dir.resolve("socketlab-grader.jar"), "a full grader");
        GradescopeExport export = new GradescopeExport(HOME, jar, List.of("all"), "en");

        Map<String, byte[]> files = export.files();

        assertThat(files).containsKeys("setup.sh", "run_autograder", "socketlab/socketlab.properties",
                "socketlab/pom.xml", "socketlab/student-template/pom.xml",
                "socketlab/grader/target/socketlab-grader.jar",
                "socketlab/reference/target/classes/META-INF/socketlab/programs.properties",
                "socketlab/reference/target/runtime-classpath.txt.in");
        assertThat(new String(files.get("socketlab/reference/target/runtime-classpath.txt.in"), StandardCharsets.UTF_8))
                .startsWith("@LIB@/jackson-").doesNotContain(System.getProperty("user.home"));
        assertThat(files.keySet()).filteredOn(path -> path.startsWith("socketlab/lib/")).isNotEmpty()
                .allMatch(path -> path.endsWith(".jar"));
        assertThat(files.keySet()).noneMatch(path -> path.startsWith("socketlab/student-template/target/"));
        for (String script : List.of("setup.sh", "run_autograder")) {
            Path copy = dir.resolve(script);
            Files.write(copy, files.get(script));
            assertThat(run("bash", "-n", copy.toString())).as(script + " parses").isZero();
        }
        Path first = dir.resolve("first.zip");
        Path second = dir.resolve("second.zip");
        export.writeTo(first);
        export.writeTo(second);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        process.getInputStream().transferTo(System.out);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
