package io.socketlab.grader.report;

import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.Verdict;
import java.util.Locale;
import java.util.ResourceBundle;

/** The reports' fixed wording, from {@code messages.properties} and {@code messages_es.properties}. */
public final class Messages {

    private final ResourceBundle bundle;

    public Messages(Lang lang) {
        this.bundle = ResourceBundle.getBundle("io.socketlab.grader.report.messages", lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    public String format(String key, Object... arguments) {
        return String.format(Locale.ROOT, bundle.getString(key), arguments);
    }

    public String verdict(Verdict verdict) {
        return bundle.getString("verdict." + verdict.name());
    }
}
