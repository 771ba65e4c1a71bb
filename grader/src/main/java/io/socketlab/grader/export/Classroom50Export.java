package io.socketlab.grader.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What an instructor puts into Classroom 50 for one assignment graded by SocketLab:
 * <ul>
 *   <li>{@code classroom50/CLASSROOM/autograders/ASSIGNMENT/}: {@code autograder.py} and its siblings (the pins in
 *       {@code socketlab.json}, the course's poms the student's sources are compiled with), to commit into the
 *       organisation's {@code classroom50} repository;</li>
 *   <li>{@code runtime.json}: the assignment's runtime (JDK 17, bubblewrap for the sandbox), for
 *       {@code gh teacher assignment add --runtime};</li>
 *   <li>{@code template/}: the student template repository, as {@code export-student} writes it but without the
 *       grade workflow (Classroom 50's runner grades, and two graders would bill twice).</li>
 * </ul>
 */
public final class Classroom50Export {

    /** Classroom 50's rule for classroom short names and assignment slugs. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,38}");
    private static final String RESOURCES = "classroom50/";

    private final Path from;
    private final Pins pins;
    private final String classroom;
    private final String assignment;
    private final List<String> exercises;
    private final String lang;

    /** @throws IllegalArgumentException naming a malformed classroom or assignment */
    public Classroom50Export(Path from, Pins pins, String classroom, String assignment, List<String> exercises,
                             String lang) {
        for (String[] name : new String[][] {{"--classroom", classroom}, {"--assignment", assignment}}) {
            if (name[1] == null || !SLUG.matcher(name[1]).matches()) {
                throw new IllegalArgumentException(name[0] + " must be 2 to 39 lowercase letters, digits or hyphens, "
                        + "starting with a letter or digit (Classroom 50's rule), got '" + name[1] + "'");
            }
        }
        this.from = from;
        this.pins = pins;
        this.classroom = classroom;
        this.assignment = assignment;
        this.exercises = List.copyOf(exercises);
        this.lang = lang;
    }

    /** Every exported file by its path relative to the export's root, in order. */
    public Map<String, byte[]> files() {
        StudentExport template = new StudentExport(from, pins, StudentExport.Platform.CLASSROOM50,
                StudentExport.Language.JAVA);
        Map<String, String> pinned = template.pinnedValues();
        if (pinned.get("SOCKETLAB_GRADER_SHA256").isEmpty()) {
            throw new IllegalArgumentException("no public grader digest to pin: pass --grader-sha256, or run the "
                    + "export from the full grader jar with socketlab-grader-public.jar beside it");
        }
        Map<String, byte[]> files = new TreeMap<>();
        String bundle = "classroom50/" + classroom + "/autograders/" + assignment + "/";
        files.put(bundle + "autograder.py", utf8(StudentExport.resource(RESOURCES + "autograder.py")));
        files.put(bundle + "student-pom.xml", utf8(StudentExport.parentPom(read("pom.xml"))));
        files.put(bundle + "student-template-pom.xml", utf8(template.templatePom()));
        files.put(bundle + "socketlab.json", json(config(pinned)));
        files.put("runtime.json", json(runtime()));
        template.files().forEach((path, bytes) -> files.put("template/" + path, bytes));
        return files;
    }

    /** Writes the export into {@code out} (new or empty); returns the files written. */
    public List<String> writeTo(Path out) {
        Map<String, byte[]> files = files();
        ExportFiles.writeInto(out, files, Set.of("template/grade.sh"));
        return List.copyOf(files.keySet());
    }

    private ObjectNode config(Map<String, String> pinned) {
        ObjectNode config = new ObjectMapper().createObjectNode();
        config.put("upstream", pinned.get("SOCKETLAB_UPSTREAM"));
        config.put("ref", pinned.get("SOCKETLAB_REF"));
        config.put("grader_sha256", pinned.get("SOCKETLAB_GRADER_SHA256"));
        config.put("exercises", String.join(",", exercises));
        config.put("lang", lang);
        config.put("sandbox", "ns");
        return config;
    }

    /** Classroom 50's runtime block: the JDK the grader's digest was computed with, and the sandbox's tool. */
    private static ObjectNode runtime() {
        ObjectNode runtime = new ObjectMapper().createObjectNode();
        runtime.put("runs-on", "ubuntu-latest");
        runtime.put("java", "17");
        runtime.putArray("apt").add("bubblewrap");
        return runtime;
    }

    private static byte[] json(ObjectNode node) {
        try {
            return (new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String read(String relative) {
        try {
            return Files.readString(from.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + from.resolve(relative), e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
