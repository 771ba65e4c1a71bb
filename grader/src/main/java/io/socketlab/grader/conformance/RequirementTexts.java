package io.socketlab.grader.conformance;

import io.socketlab.grader.model.Text;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a test says to a student, kept beside its suite in {@code messages.properties} (English) and
 * {@code messages_es.properties} (Spanish), keyed {@code <clause>.<test method>.title} and {@code .hint}, with
 * {@code .hint.java} and {@code .hint.python} where the hint names a language's API: the test method reads like its
 * clause, the prose lives in one place per exercise.
 */
public final class RequirementTexts {

    private static final Map<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private RequirementTexts() {
    }

    /** The behaviour the test establishes, e.g. "counts UTF-8 bytes, not characters". */
    public static Text title(Method test) {
        return text(test, "title");
    }

    /** What a student should try when the test fails. */
    public static Text hint(Method test) {
        return text(test, "hint");
    }

    /**
     * The hint in {@code language}'s own terms when the bundle has one ({@code <key>.hint.java},
     * {@code <key>.hint.python}), else the general hint.
     */
    public static Text hint(Method test, ProgramLanguage language) {
        Optional<String> suffix = language.bundleSuffix();
        if (suffix.isPresent() && has(test, "hint." + suffix.get())) {
            return text(test, "hint." + suffix.get());
        }
        return hint(test);
    }

    /** Whether the test's bundle (English) has {@code <key>.<suffix>}. */
    static boolean has(Method test, String suffix) {
        return bundle(test.getDeclaringClass().getPackageName() + ".messages", Locale.ROOT)
                .containsKey(key(test) + "." + suffix);
    }

    /** The bundle key of {@code test} without its suffix: {@code SOCK-2.countsUtf8BytesNotCharacters}. */
    public static String key(Method test) {
        Requirement requirement = test.getAnnotation(Requirement.class);
        if (requirement == null) {
            throw new IllegalArgumentException(test + " is not a @Requirement");
        }
        return requirement.clause() + "." + test.getName();
    }

    private static Text text(Method test, String suffix) {
        String key = key(test) + "." + suffix;
        String bundle = test.getDeclaringClass().getPackageName() + ".messages";
        return Text.of(lookup(bundle, Locale.ROOT, key), lookup(bundle, Locale.forLanguageTag("es"), key));
    }

    private static ResourceBundle bundle(String bundleName, Locale locale) {
        return BUNDLES.computeIfAbsent(bundleName + "_" + locale, any -> ResourceBundle.getBundle(
                bundleName, locale, RequirementTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    private static String lookup(String bundleName, Locale locale, String key) {
        ResourceBundle bundle = bundle(bundleName, locale);
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException(bundleName + " (" + (locale.getLanguage().isEmpty() ? "en" : locale)
                    + ") has no " + key, e);
        }
    }
}
