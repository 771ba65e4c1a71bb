package io.socketlab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.socketlab.grader.process.Targets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The student template is the reference with the bodies left to the student. The reference is the one source: the
 * template's copies of reference files stay byte for byte equal to them (package aside), and its skeletons keep the
 * reference's classes and non-private signatures. Change the reference first, then carry the change over; each
 * failure below says how.
 */
class TemplateMirrorsReferenceTests {

    private static final String REFERENCE_PACKAGE = "io.socketlab.reference";
    private static final String STUDENT_PACKAGE = "io.socketlab.student";
    private static final Path HOME = Targets.home().orElseThrow();
    private static final Path REFERENCE = HOME.resolve("reference/src/main/java/io/socketlab/reference");
    private static final Path TEMPLATE = HOME.resolve("student-template/src/main/java/io/socketlab/student");

    /** Files the template takes whole from the reference, relative to each module's package root. */
    private static final Set<String> COPIES = Set.of(
            "common/Args.java", "common/Failure.java", "common/Logs.java",
            "chat/package-info.java", "echo/package-info.java", "filetransfer/package-info.java",
            "http/package-info.java", "quiz/package-info.java", "serialization/package-info.java",
            "sockets/package-info.java", "udpstream/package-info.java", "udptransfer/package-info.java",
            "http/HttpError.java", "http/Status.java",
            "udpstream/FrameView.java", "udpstream/FrameWindow.java", "udpstream/StreamWire.java",
            "udptransfer/RoundTripEstimator.java", "udptransfer/Wire.java");

    /** The project is the student's own program, not a skeleton of the reference's sample project. */
    private static final String OWN_PACKAGE = "project";

    @Test
    void copiesAreTheReferenceFilesWithTheTemplatePackage() throws IOException {
        List<String> drifted = new ArrayList<>();
        for (String file : new TreeSet<>(COPIES)) {
            String expected = asTemplate(Files.readString(REFERENCE.resolve(file), StandardCharsets.UTF_8));
            Path copy = TEMPLATE.resolve(file);
            String actual = Files.exists(copy) ? Files.readString(copy, StandardCharsets.UTF_8) : null;
            if (!expected.equals(actual)) {
                drifted.add(file + (actual == null ? " (missing)" : " (first difference on line "
                        + firstDifferentLine(expected, actual) + ")"));
            }
        }
        assertThat(drifted).as("""
                these template files are copies of the reference's and differ from them. The reference is the source: \
                copy each over the template with the package renamed, e.g.
                  sed 's/io\\.socketlab\\.reference/io.socketlab.student/g' reference/src/main/java/io/socketlab/reference/F \
                > student-template/src/main/java/io/socketlab/student/F
                or, if the template's file is now meant to differ, take it off COPIES""").isEmpty();
    }

    @Test
    void everyTemplateFileEqualToItsReferenceFileIsListedAsACopy() throws IOException {
        List<String> unlisted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATE)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = TEMPLATE.relativize(file).toString().replace('\\', '/');
                Path original = REFERENCE.resolve(relative);
                if (!COPIES.contains(relative) && Files.exists(original)
                        && asTemplate(Files.readString(original, StandardCharsets.UTF_8))
                                .equals(Files.readString(file, StandardCharsets.UTF_8))) {
                    unlisted.add(relative);
                }
            }
        }
        assertThat(unlisted).as("these template files equal the reference's: list them in COPIES, so that they stay so")
                .isEmpty();
    }

    @Test
    void skeletonsKeepTheReferencesClassesAndNonPrivateSignatures() {
        JavaClasses programs = new ClassFileImporter().importPackages(REFERENCE_PACKAGE, STUDENT_PACKAGE);
        Map<String, Set<String>> reference = signatures(programs, REFERENCE_PACKAGE);
        Map<String, Set<String>> template = signatures(programs, STUDENT_PACKAGE);
        assertThat(reference).as("the reference's classes, imported from the classpath").isNotEmpty();

        List<String> differences = new ArrayList<>();
        for (String type : new TreeSet<>(union(reference.keySet(), template.keySet()))) {
            Set<String> inReference = reference.get(type);
            Set<String> inTemplate = template.get(type);
            if (inReference == null || inTemplate == null) {
                differences.add(type + ": only in the " + (inReference == null ? "template" : "reference"));
                continue;
            }
            Set<String> missing = new TreeSet<>(inReference);
            missing.removeAll(inTemplate);
            Set<String> extra = new TreeSet<>(inTemplate);
            extra.removeAll(inReference);
            missing.forEach(signature -> differences.add(type + ": " + signature + " only in the reference"));
            extra.forEach(signature -> differences.add(type + ": " + signature + " only in the template"));
        }
        assertThat(differences).as("""
                the template's skeletons must keep the reference's classes and non-private signatures, so that a \
                student who fills them in ends with the reference's design (and its tests still apply). Give the \
                template the same class or signature, with a TODO body that cites the clause""").isEmpty();
    }

    /** Each class of {@code root} (but the student's own package), by its name relative to {@code root}. */
    private static Map<String, Set<String>> signatures(JavaClasses programs, String root) {
        Function<String, String> relative = name -> name.replace(root + ".", "");
        Map<String, Set<String>> classes = new TreeMap<>();
        for (JavaClass type : programs) {
            String name = type.getName();
            // Private and anonymous classes are the bodies' business.
            if (!name.startsWith(root + ".") || name.startsWith(root + "." + OWN_PACKAGE + ".")
                    || type.getModifiers().contains(JavaModifier.PRIVATE) || type.isAnonymousClass()) {
                continue;
            }
            Set<String> members = type.getCodeUnits().stream()
                    .filter(unit -> !unit.getModifiers().contains(JavaModifier.PRIVATE)
                            && !unit.getModifiers().contains(JavaModifier.SYNTHETIC)
                            && !(unit instanceof JavaStaticInitializer))
                    .map(unit -> describe(unit, relative))
                    .collect(Collectors.toCollection(TreeSet::new));
            classes.put(relative.apply(name), members);
        }
        return classes;
    }

    private static String describe(JavaCodeUnit unit, Function<String, String> relative) {
        String parameters = unit.getRawParameterTypes().stream().map(type -> relative.apply(type.getName()))
                .collect(Collectors.joining(", ", "(", ")"));
        return unit instanceof JavaConstructor ? "constructor" + parameters
                : unit.getName() + parameters + ": " + relative.apply(unit.getRawReturnType().getName());
    }

    private static String asTemplate(String referenceSource) {
        return referenceSource.replace(REFERENCE_PACKAGE, STUDENT_PACKAGE);
    }

    private static int firstDifferentLine(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        int line = 0;
        while (line < Math.min(a.size(), b.size()) && a.get(line).equals(b.get(line))) {
            line++;
        }
        return line + 1;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
