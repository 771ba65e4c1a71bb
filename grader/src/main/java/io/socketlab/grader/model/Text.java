package io.socketlab.grader.model;

import java.util.Locale;

/** A student-facing message in English and Spanish. */
public record Text(String en, String es) {

    /** Nothing to say, in either language. */
    public static final Text EMPTY = new Text("", "");

    public static Text of(String en, String es) {
        return new Text(en, es);
    }

    /** A text that reads the same in both languages: data (a quoted line, a number), not prose. */
    public static Text same(String both) {
        return new Text(both, both);
    }

    /**
     * Both languages formatted with the same arguments ({@link String#format}, root locale: digits stay digits); an
     * argument that is itself a {@code Text} is put in each language as that language's words.
     */
    public static Text format(String en, String es, Object... arguments) {
        return new Text(String.format(Locale.ROOT, en, in(Lang.EN, arguments)),
                String.format(Locale.ROOT, es, in(Lang.ES, arguments)));
    }

    private static Object[] in(Lang lang, Object[] arguments) {
        Object[] resolved = arguments.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof Text text) {
                resolved[i] = text.in(lang);
            }
        }
        return resolved;
    }

    public String in(Lang lang) {
        return lang == Lang.ES ? es : en;
    }

    public Text prefixed(String prefix) {
        return new Text(prefix + en, prefix + es);
    }

    /** This text followed by {@code more}, language by language. */
    public Text plus(Text more) {
        return new Text(en + more.en, es + more.es);
    }

    public boolean isEmpty() {
        return en.isEmpty() && es.isEmpty();
    }
}
