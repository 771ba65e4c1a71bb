package io.socketlab.grader.export;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository students get, computed from the harness's own tree, for a course in Java or in Python
 * ({@link Language}): {@code specs/} (in every language there is: {@code specs/es/} too), the grade workflow with the
 * upstream (and the language) pinned, {@code grade.sh} and a README, and the template: for Java
 * {@code student-template/}, a parent pom that builds only it and a manifest example for other languages; for Python
 * the files of {@code student-template-python/} at the root (its manifest, programs and unit tests). Never the
 * reference, the examples or any grader source: students are graded by the public grader the workflow builds from the
 * pinned upstream, and {@code grade.sh} builds that same grader for a local run.
 *
 * <p>What is copied is what the harness tracks, less build output: a module's own {@code target/} folder (and
 * {@code .git}, IDE folders and Python caches anywhere), never a folder of the student's that merely has the same
 * name. The specs' mention of the Python examples' manifest, which students do not get, points at the exported
 * {@value #MANIFEST_EXAMPLE} instead.
 *
 * <p>The export is a pure function of the source tree and the pins (sorted, no timestamps), so the pinned grader can
 * export again from the upstream tree and {@link #editedProtectedFiles compare} a fork with what it was given.
 */
public final class StudentExport {

    /** The modules of the harness that students never see. */
    static final List<String> WITHHELD_MODULES = List.of("reference", "grader");

    static final String WORKFLOW = ".github/workflows/grade.yml";
    private static final String RESOURCES = "/io/socketlab/grader/export/";
    /** Build output and tool folders, skipped wherever they are. */
    private static final Set<String> SKIPPED_ANYWHERE = Set.of(".git", ".idea", ".vscode", "__pycache__", ".venv");
    /**
     * Build output, skipped only where the tools put it: at the root of a copied tree (Maven's {@code target/}, a local
     * grading's reports and grader checkout).
     */
    private static final Set<String> SKIPPED_AT_ROOT = Set.of("target", "grade-report", ".socketlab");
    static final String MANIFEST_EXAMPLE = "socketlab.properties.example";
    static final String MANIFEST = "socketlab.properties";
    private static final String EXAMPLES_MANIFEST = "examples/python/socketlab.properties";

    /** The language the students write their programs in, which decides the template exported. */
    public enum Language {
        /**
         * {@code student-template/}, built by Maven. Its pom is protected: grading compiles with it at most, and runs
         * the programs with the course's own dependency list, so an edit there never takes effect on the grade.
         */
        JAVA("java", "student-template", MANIFEST_EXAMPLE, "student", "target/grade-report",
                List.of(".github/workflows/", "specs/", "grader/", "pom.xml", "grade.sh", "student-template/pom.xml")),
        /**
         * {@code student-template-python/}'s files at the root, graded through its manifest: the manifest is the
         * student's (a program they rename is started as they say), so it is not protected.
         */
        PYTHON("python", "student-template-python", MANIFEST, MANIFEST, "grade-report",
                List.of(".github/workflows/", "specs/", "grader/", "grade.sh"));

        private final String id;
        private final String template;
        private final String manifestInSpecs;
        private final String defaultTarget;
        private final String reports;
        /**
         * Exported paths that decide the grade, or that grading ignores: an edit to them is reported (a folder ends
         * with '/').
         */
        private final List<String> protectedPaths;

        Language(String id, String template, String manifestInSpecs, String defaultTarget, String reports,
                 List<String> protectedPaths) {
            this.id = id;
            this.template = template;
            this.manifestInSpecs = manifestInSpecs;
            this.defaultTarget = defaultTarget;
            this.reports = reports;
            this.protectedPaths = protectedPaths;
        }

        /** Its name on the command line and in the workflow's {@code SOCKETLAB_LANGUAGE}. */
        public String id() {
            return id;
        }

        /** The harness folder this language's students get. */
        public String template() {
            return template;
        }

        boolean isProtected(String path) {
            return protectedPaths.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p));
        }
    }

    /** Where the students' work is graded, which decides whether the repository carries the grade workflow. */
    public enum Platform {
        /** The repository's own workflow grades each push ({@code .github/workflows/grade.yml}). */
        GITHUB_ACTIONS("actions"),
        /** Classroom 50's runner grades each submission with the course's autograder: no workflow of ours. */
        CLASSROOM50("classroom50");

        private final String resource;

        Platform(String resource) {
            this.resource = resource;
        }
    }

    private final Path from;
    private final Pins pins;
    private final Platform platform;
    private final Language language;

    /** @param from the harness repository's root (it holds {@code student-template/}, {@code specs/}, ...) */
    public StudentExport(Path from, Pins pins) {
        this(from, pins, Platform.GITHUB_ACTIONS, Language.JAVA);
    }

    /**
     * @throws IllegalArgumentException for a Python export to Classroom 50, whose autograder builds Java only
     */
    public StudentExport(Path from, Pins pins, Platform platform, Language language) {
        if (language != Language.JAVA && platform != Platform.GITHUB_ACTIONS) {
            throw new IllegalArgumentException("a " + language.id + " template is exported for GitHub Actions only");
        }
        this.from = from;
        this.pins = pins;
        this.platform = platform;
        this.language = language;
    }

    /**
     * Every exported file, by its path relative to the exported root ('/'-separated), in order.
     *
     * @throws IllegalArgumentException when {@code from} is not a harness repository
     */
    public Map<String, byte[]> files() {
        for (String required : List.of(language.template, "specs", "pom.xml", WORKFLOW)) {
            if (!Files.exists(from.resolve(required))) {
                throw new IllegalArgumentException(from + " is not a SocketLab repository: " + required + " is missing");
            }
        }
        Map<String, byte[]> files = new TreeMap<>();
        copyTree("specs", "specs/", files);
        // The specs point at the examples' manifest, which students do not get: the one they have instead.
        files.replaceAll((path, bytes) -> path.endsWith(".md")
                ? utf8(new String(bytes, StandardCharsets.UTF_8).replace(EXAMPLES_MANIFEST, language.manifestInSpecs))
                : bytes);
        if (platform == Platform.GITHUB_ACTIONS) {
            files.put(WORKFLOW, utf8(workflow(read(WORKFLOW))));
        }
        Map<String, String> values = pinnedValues();
        String howGraded = "how-graded/" + platform.resource + (language == Language.JAVA ? "" : "-" + language.id);
        values.put("HOW_GRADED_EN", fill(resource(howGraded + ".en.md"), values).strip());
        values.put("HOW_GRADED_ES", fill(resource(howGraded + ".es.md"), values).strip());
        if (language == Language.JAVA) {
            copyTree("student-template", "student-template/", files);
            files.put(MANIFEST_EXAMPLE, utf8(resource("socketlab.properties.example")));
            files.put("pom.xml", utf8(parentPom(read("pom.xml"))));
            files.put("README.md", utf8(fill(resource("README.student.md"), values)));
            files.put(".gitignore", utf8(resource("gitignore")));
            values.put("GRADE_DEFAULT_WHAT", "your Java programs in student-template/");
            values.put("GRADE_NEEDS", "");
        } else {
            // The template's own files, its grade.sh aside (it grades with the harness's grader: the course's
            // pinned one below takes its place) and its README completed with how the pushes are graded.
            copyTree(language.template, "", files);
            files.put("README.md", utf8(withHowGraded(read(language.template + "/README.md"), values)));
            values.put("GRADE_DEFAULT_WHAT", "the programs " + MANIFEST + " names");
            values.put("GRADE_NEEDS", "python3 (your programs), ");
        }
        values.put("GRADE_DEFAULT_TARGET", language.defaultTarget);
        values.put("GRADE_REPORTS", language.reports);
        files.put("grade.sh", utf8(fill(resource("grade.sh"), values)));
        return files;
    }

    /**
     * A bilingual README (English, then after a {@code ---} line Spanish) with the section on how pushes are graded
     * closing each half.
     */
    static String withHowGraded(String readme, Map<String, String> values) {
        int split = readme.indexOf("\n---\n");
        if (split < 0) {
            throw new IllegalArgumentException("the template's README has no '---' line between English and Spanish");
        }
        return readme.substring(0, split).stripTrailing() + "\n\n" + values.get("HOW_GRADED_EN") + "\n"
                + readme.substring(split).stripTrailing() + "\n\n" + values.get("HOW_GRADED_ES") + "\n";
    }

    /** Writes the export into {@code out} (created if missing; it must be empty); returns the files written. */
    public List<String> writeTo(Path out) {
        Map<String, byte[]> files = files();
        ExportFiles.writeInto(out, files, Set.of("grade.sh"));
        return List.copyOf(files.keySet());
    }

    /**
     * The protected files of {@code fork} that differ from the export: edited, added or deleted, sorted. Build output
     * folders are ignored.
     */
    public List<String> editedProtectedFiles(Path fork) {
        Map<String, byte[]> expected = files();
        Set<String> paths = new TreeSet<>();
        expected.keySet().stream().filter(language::isProtected).forEach(paths::add);
        for (String root : language.protectedPaths) {
            Path inFork = fork.resolve(root);
            if (root.endsWith("/")) {
                listTree(inFork).forEach(relative -> paths.add(root + relative));
            } else if (Files.isRegularFile(inFork)) {
                paths.add(root);
            }
        }
        List<String> edited = new ArrayList<>();
        for (String path : paths) {
            Path inFork = fork.resolve(path);
            byte[] mine = Files.isRegularFile(inFork) ? readBytes(inFork) : null;
            byte[] given = expected.get(path);
            if (mine == null || given == null || !Arrays.equals(mine, given)) {
                edited.add(path);
            }
        }
        return edited;
    }

    /** The template module's own pom, as the course wrote it. */
    public String templatePom() {
        return read("student-template/pom.xml");
    }

    /** The harness's parent pom, building only the template: no withheld module, no grade profile. */
    static String parentPom(String pom) {
        for (String module : WITHHELD_MODULES) {
            pom = pom.replaceAll("(?m)^[ \\t]*<module>" + Pattern.quote(module) + "</module>[ \\t]*\\R", "");
        }
        // The grade profile and its properties run the grader module, which students do not have: grade.sh does.
        pom = pom.replaceAll("(?s)[ \\t]*<profiles>.*?</profiles>[ \\t]*\\R", "");
        pom = pom.replaceAll("(?m)^[ \\t]*<!-- What `mvn verify -Pgrade` grades.*\\R", "");
        pom = pom.replaceAll("(?m)^[ \\t]*<grade\\.[a-z]+>.*</grade\\.[a-z]+>[ \\t]*\\R", "");
        return pom.replaceFirst("<description>.*</description>",
                "<description>Socket-programming exercises: your servers and clients.</description>");
    }

    /** The grade workflow with the pins, and a language other than its default, written into its {@code env}. */
    String workflow(String workflow) {
        if (language != Language.JAVA) {
            workflow = pin(workflow, "SOCKETLAB_LANGUAGE", language.id);
        }
        workflow = pin(workflow, "SOCKETLAB_UPSTREAM", pins.upstream());
        workflow = pin(workflow, "SOCKETLAB_REF", pins.ref());
        return pin(workflow, "SOCKETLAB_GRADER_SHA256", pins.graderSha256());
    }

    private static String pin(String workflow, String name, String value) {
        if (value == null) {
            return workflow;
        }
        Matcher line = envLine(name).matcher(workflow);
        if (!line.find()) {
            throw new IllegalArgumentException(WORKFLOW + " has no env value " + name + " to pin");
        }
        return line.replaceFirst(Matcher.quoteReplacement(line.group(1) + "\"" + value + "\""));
    }

    /**
     * {@code SOCKETLAB_UPSTREAM}, {@code SOCKETLAB_REF} and {@code SOCKETLAB_GRADER_SHA256} as the README, grade.sh
     * and the autograders need them: the pins, else the harness's grade workflow's values.
     */
    public Map<String, String> pinnedValues() {
        String pinned = workflow(read(WORKFLOW));
        Map<String, String> values = new TreeMap<>();
        for (String name : List.of("SOCKETLAB_UPSTREAM", "SOCKETLAB_REF", "SOCKETLAB_GRADER_SHA256")) {
            Matcher line = envLine(name).matcher(pinned);
            if (!line.find()) {
                throw new IllegalArgumentException(WORKFLOW + " has no env value " + name);
            }
            values.put(name, line.group(2).strip().replaceAll("^\"|\"$", ""));
        }
        return values;
    }

    private static Pattern envLine(String name) {
        return Pattern.compile("(?m)^(  " + name + ": )(.*)$");
    }

    static String fill(String template, Map<String, String> values) {
        for (Map.Entry<String, String> value : values.entrySet()) {
            template = template.replace("${" + value.getKey() + "}", value.getValue());
        }
        return template;
    }

    /** Every source file under the harness's {@code root}, exported under {@code prefix}. */
    private void copyTree(String root, String prefix, Map<String, byte[]> files) {
        listTree(from.resolve(root)).forEach(relative -> files.put(prefix + relative,
                readBytes(from.resolve(root).resolve(relative))));
    }

    /** Regular files under {@code dir}, '/'-separated and relative to it, skipping build output; none if absent. */
    private static List<String> listTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(dir::relativize)
                    .filter(StudentExport::isSource)
                    .map(relative -> relative.toString().replace(File.separatorChar, '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Whether a file, by its path relative to a copied tree, is the course's source rather than build output. */
    static boolean isSource(Path relative) {
        if (relative.getNameCount() > 1 && SKIPPED_AT_ROOT.contains(relative.getName(0).toString())) {
            return false;
        }
        for (Path part : relative) {
            if (SKIPPED_ANYWHERE.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private String read(String relative) {
        return new String(readBytes(from.resolve(relative)), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String resource(String name) {
        try (InputStream in = StudentExport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the grader jar lacks its resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + name, e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
