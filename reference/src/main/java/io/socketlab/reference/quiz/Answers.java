package io.socketlab.reference.quiz;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** QUIZ-6: when a given answer counts as the expected one. */
final class Answers {

    // Every Unicode white space, not only ASCII's: a no-break space separates words too.
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private Answers() {
    }

    /** Whether {@code given} and {@code expected} are equal once both are normalised. */
    static boolean match(String given, String expected) {
        return normalise(given).equals(normalise(expected));
    }

    /**
     * {@code "  Triángulo   Rectángulo "} becomes {@code "triangulo rectangulo"}: NFD splits each
     * accented letter into its base and combining marks, which are then dropped; white space runs
     * become one space and the ends none; letters are lower-cased the same way in every locale.
     */
    static String normalise(String answer) {
        String decomposed = Normalizer.normalize(answer, Normalizer.Form.NFD);
        String unaccented = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        return WHITESPACE.matcher(unaccented).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }
}
