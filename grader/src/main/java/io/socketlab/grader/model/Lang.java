package io.socketlab.grader.model;

import java.util.Locale;

/** A language the grader speaks to students in. */
public enum Lang {
    EN, ES;

    /** Parses {@code en} or {@code es}, in any case. */
    public static Lang parse(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    public Locale locale() {
        return this == EN ? Locale.ENGLISH : Locale.forLanguageTag("es");
    }
}
