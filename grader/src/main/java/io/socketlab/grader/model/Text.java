package io.socketlab.grader.model;

/** A student-facing message in English and Spanish. */
public record Text(String en, String es) {

    public static Text of(String en, String es) {
        return new Text(en, es);
    }

    /** A text that reads the same in both languages: data, not prose. */
    public static Text same(String both) {
        return new Text(both, both);
    }

    public String in(Lang lang) {
        return lang == Lang.ES ? es : en;
    }

    public Text prefixed(String prefix) {
        return new Text(prefix + en, prefix + es);
    }

    public Text suffixed(String suffix) {
        return new Text(en + suffix, es + suffix);
    }
}
