package io.socketlab.grader.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.socketlab.grader.model.Exercises;
import io.socketlab.grader.model.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Every graded test has its title and hint in both languages, and no bundle holds words for a test that is gone. */
class RequirementTextsTests {

    static List<Method> gradedTests() {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(Exercises.ALL.stream().map(e -> selectPackage(Exercises.suitePackage(e))).toList())
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build());
        return plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .filter(TestIdentifier::isTest)
                .flatMap(id -> id.getSource().stream())
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getJavaMethod())
                .filter(method -> method.isAnnotationPresent(Requirement.class))
                .toList();
    }

    @Test
    void everyTestHasATitleAndAHintInEnglishAndSpanish() {
        List<Method> tests = gradedTests();
        assertThat(tests).hasSizeGreaterThan(200);
        for (Method test : tests) {
            for (Text text : List.of(RequirementTexts.title(test), RequirementTexts.hint(test))) {
                assertThat(text.en()).as(RequirementTexts.key(test) + " (en)").isNotBlank();
                assertThat(text.es()).as(RequirementTexts.key(test) + " (es)").isNotBlank().isNotEqualTo(text.en());
            }
        }
    }

    @Test
    void aHintInOneLanguagesTermsExistsInEnglishAndSpanish() {
        int overrides = 0;
        for (Method test : gradedTests()) {
            for (ProgramLanguage language : List.of(ProgramLanguage.JAVA, ProgramLanguage.PYTHON)) {
                String suffix = "hint." + language.bundleSuffix().orElseThrow();
                if (!RequirementTexts.has(test, suffix)) {
                    continue;
                }
                overrides++;
                Text hint = RequirementTexts.hint(test, language);
                assertThat(hint.es()).as(RequirementTexts.key(test) + "." + suffix + " (es)").isNotBlank()
                        .isNotEqualTo(hint.en());
                assertThat(hint).as(RequirementTexts.key(test) + "." + suffix).isNotEqualTo(RequirementTexts.hint(test));
            }
        }
        // The hints that name an API (shutdownOutput(), sendall, signal.signal...) have both languages' terms.
        assertThat(overrides).isGreaterThanOrEqualTo(30);
    }

    /** Words of one language's socket API: a general hint that uses them owes each language its own hint. */
    private static final List<String> LANGUAGE_TERMS = List.of("shutdownOutput", "SHUT_WR", "sendall", "sys.stdin",
            "sys.stdout", "System.in", "System.out", "signal.signal", "setSoTimeout", "settimeout", "recvfrom",
            "getSocketAddress", "flush=True", "makefile");

    @Test
    void aHintThatNamesALanguagesApiHasAJavaAndAPythonHint() {
        List<String> missing = new ArrayList<>();
        for (Method test : gradedTests()) {
            String general = RequirementTexts.hint(test).en();
            List<String> named = LANGUAGE_TERMS.stream().filter(general::contains).toList();
            if (!named.isEmpty() && !(RequirementTexts.has(test, "hint.java") && RequirementTexts.has(test, "hint.python"))) {
                missing.add(RequirementTexts.key(test) + " names " + named);
            }
        }
        assertThat(missing).as("hints that name a language's API without .hint.java and .hint.python").isEmpty();
    }

    @Test
    void aPythonProgramGetsPythonHintsAndAJavaProgramJavaHints() throws Exception {
        Method halfClose = gradedTests().stream()
                .filter(m -> m.getName().equals("halfClosesAndPrintsWhatArrivesUntilTheClose")).findFirst().orElseThrow();

        assertThat(RequirementTexts.hint(halfClose, ProgramLanguage.PYTHON).en()).contains("sock.shutdown(socket.SHUT_WR)");
        assertThat(RequirementTexts.hint(halfClose, ProgramLanguage.JAVA).en()).contains("shutdownOutput()");
        assertThat(RequirementTexts.hint(halfClose, ProgramLanguage.OTHER)).isEqualTo(RequirementTexts.hint(halfClose));
    }

    @Test
    void bundlesHoldNoWordsForTestsThatAreGone() throws IOException {
        Set<String> expected = new HashSet<>();
        for (Method test : gradedTests()) {
            for (String suffix : List.of(".title", ".hint", ".hint.java", ".hint.python")) {
                expected.add(test.getDeclaringClass().getPackageName() + ":" + RequirementTexts.key(test) + suffix);
            }
        }
        for (String exercise : Exercises.ALL) {
            // Hidden tests keep their words in their own package, which only the full grader carries.
            for (String pkg : List.of(Exercises.suitePackage(exercise), Exercises.suitePackage(exercise) + ".hidden"))
            for (String file : List.of("messages.properties", "messages_es.properties")) {
                Properties properties = new Properties();
                String resource = "/" + pkg.replace('.', '/') + "/" + file;
                try (InputStream in = RequirementTextsTests.class.getResourceAsStream(resource)) {
                    if (pkg.endsWith(".hidden") && in == null) {
                        continue;
                    }
                    assertThat(in).as(resource).isNotNull();
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                for (String key : properties.stringPropertyNames()) {
                    assertThat(expected).as(resource + " holds " + key + ", a test that does not exist")
                            .contains(pkg + ":" + key);
                }
            }
        }
    }
}
