package io.socketlab.grader.model;

import java.util.Locale;

/** The two programs of every exercise. */
public enum Program {
    SERVER, CLIENT;

    /** The name used in manifests and reports: {@code server} or {@code client}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
