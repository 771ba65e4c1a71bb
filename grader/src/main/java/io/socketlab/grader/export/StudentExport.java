package io.socketlab.grader.export;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * The repository students get, computed from the harness's own tree: {@code student-template/}, {@code specs/},
 * the grade workflow with the upstream pinned, a parent pom that builds only the template, {@code grade.sh} and a
 * README. Never the reference, and no grader source at all: students are graded by the grader the workflow builds
 * from the pinned upstream, and {@code grade.sh} builds that same grader for a local run.
 *
 * <p>The export is a pure function of the source tree and the pins (sorted, no timestamps), so the pinned grader can
 * export again from the upstream tree and {@link #editedProtectedFiles compare} a fork with what it was given.
 */
public final class StudentExport {

    /** The modules of the harness that students never see. */
    static final List<String> WITHHELD_MODULES = List.of("reference", "grader");
    /** Exported paths that decide the grade: an edit to them is reported (a folder ends with '/'). */
    public static final List<String> PROTECTED = List.of(".github/workflows/", "specs/", "grader/", "pom.xml", "grade.sh");

    static final String WORKFLOW = ".github/workflows/grade.yml";
    private static final String RESOURCES = "/io/socketlab/grader/export/";
    private static final Set<String> BUILD_OUTPUT = Set.of("target", ".git", ".idea", "__pycache__");

    private final Path from;
    private final Pins pins;

    /** @param from the harness repository's root (it holds {@code student-template/}, {@code specs/}, ...) */
    public StudentExport(Path from, Pins pins) {
        this.from = from;
        this.pins = pins;
    }

    /**
     * Every exported file, by its path relative to the exported root ('/'-separated), in order.
     *
     * @throws IllegalArgumentException when {@code from} is not a harness repository
     */
    public Map<String, byte[]> files() {
        for (String required : List.of("student-template/pom.xml", "specs", "pom.xml", WORKFLOW)) {
            if (!Files.exists(from.resolve(required))) {
                throw new IllegalArgumentException(from + " is not a SocketLab repository: " + required + " is missing");
            }
        }
        Map<String, byte[]> files = new TreeMap<>();
        copyTree("student-template", files);
        copyTree("specs", files);
        files.put("pom.xml", utf8(parentPom(read("pom.xml"))));
        files.put(WORKFLOW, utf8(workflow(read(WORKFLOW))));
        Map<String, String> values = placeholders(read(WORKFLOW));
        files.put("README.md", utf8(fill(resource("README.student.md"), values)));
        files.put("grade.sh", utf8(fill(resource("grade.sh"), values)));
        files.put(".gitignore", utf8(resource("gitignore")));
        return files;
    }

    /** Writes the export into {@code out} (created if missing; it must be empty); returns the files written. */
    public List<String> writeTo(Path out) {
        try {
            if (Files.isDirectory(out)) {
                try (Stream<Path> entries = Files.list(out)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(out + " is not empty: export into a new or empty folder");
                    }
                }
            }
            Map<String, byte[]> files = files();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = out.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            makeExecutable(out.resolve("grade.sh"));
            return List.copyOf(files.keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export to " + out, e);
        }
    }

    /**
     * The protected files of {@code fork} that differ from the export: edited, added or deleted, sorted. Build output
     * folders are ignored.
     */
    public List<String> editedProtectedFiles(Path fork) {
        Map<String, byte[]> expected = files();
        Set<String> paths = new TreeSet<>();
        expected.keySet().stream().filter(StudentExport::isProtected).forEach(paths::add);
        for (String root : PROTECTED) {
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

    static boolean isProtected(String path) {
        return PROTECTED.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p));
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

    /** The grade workflow with the pins written into its {@code env}. */
    String workflow(String workflow) {
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

    /** The pinned values as the README and grade.sh need them, read from the pinned workflow. */
    private Map<String, String> placeholders(String original) {
        String pinned = workflow(original);
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

    private static String fill(String template, Map<String, String> values) {
        for (Map.Entry<String, String> value : values.entrySet()) {
            template = template.replace("${" + value.getKey() + "}", value.getValue());
        }
        return template;
    }

    private void copyTree(String root, Map<String, byte[]> files) {
        listTree(from.resolve(root)).forEach(relative -> files.put(root + "/" + relative,
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
                    .filter(relative -> {
                        for (Path part : relative) {
                            if (BUILD_OUTPUT.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .map(relative -> relative.toString().replace(File.separatorChar, '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
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

    private static String resource(String name) {
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

    private static void makeExecutable(Path script) throws IOException {
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): students there run `sh grade.sh`.
        }
    }
}
