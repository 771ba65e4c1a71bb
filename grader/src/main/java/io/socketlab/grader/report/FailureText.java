package io.socketlab.grader.report;

import io.socketlab.grader.model.FailureDetail;
import io.socketlab.grader.model.Lang;
import io.socketlab.grader.model.TestOutcome;
import io.socketlab.grader.model.Verdict;

/**
 * A failure as a student reads it, the same in every report:
 * <pre>
 * SOCK-2 counts UTF-8 bytes, not characters
 * step     : reply to "héllo\n"
 * expected : "RECEIVED 6"
 * but got  : "RECEIVED 5"
 * hint     : count the bytes of the line before decoding it
 * spec     : specs/sockets.md#sock-2
 * </pre>
 */
final class FailureText {

    private static final java.util.List<String> LABELS =
            java.util.List.of("label.step", "label.expected", "label.actual", "label.measured", "label.hint", "label.spec");

    private FailureText() {
    }

    /** The aligned facts of a failed, blocked, errored or unsubmitted test, or an INFO test's measurement; empty for a pass. */
    static String facts(TestOutcome outcome, Lang lang, Messages messages) {
        FailureDetail detail = outcome.detail();
        if (detail == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int width = LABELS.stream().mapToInt(key -> messages.get(key).length()).max().orElse(9);
        if (outcome.verdict() == Verdict.FAIL) {
            fact(out, width, messages.get("label.step"), detail.step().in(lang));
            fact(out, width, messages.get("label.expected"), detail.expected().in(lang));
        }
        String actualLabel = outcome.verdict() == Verdict.INFO ? "label.measured" : "label.actual";
        fact(out, width, messages.get(actualLabel), detail.actual().in(lang));
        if (outcome.verdict() == Verdict.FAIL && detail.hint() != null) {
            fact(out, width, messages.get("label.hint"), detail.hint().in(lang));
        }
        if (outcome.verdict() == Verdict.FAIL || outcome.verdict() == Verdict.BLOCKED) {
            fact(out, width, messages.get("label.spec"), outcome.specLink());
        }
        return out.toString();
    }

    /**
     * Facts, then the transcript and the program output (each indented), as one block of text; for a hidden test
     * only a line saying its details are for instructors, unless {@code showHidden}.
     */
    static String full(TestOutcome outcome, Lang lang, Messages messages, boolean showHidden) {
        if (outcome.visibility() == io.socketlab.grader.model.Visibility.HIDDEN && !showHidden
                && outcome.verdict() != Verdict.PASS) {
            return messages.get("hidden.detail") + "\n";
        }
        StringBuilder out = new StringBuilder(facts(outcome, lang, messages));
        if (outcome.verdict() == Verdict.FAIL) {
            section(out, messages.get("label.transcript"), outcome.transcript());
            section(out, messages.get("label.output"), outcome.log());
        }
        return out.toString();
    }

    private static void fact(StringBuilder out, int width, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String padded = String.format("%-" + width + "s: ", label);
        out.append(padded).append(value.replace("\n", "\n" + " ".repeat(padded.length()))).append('\n');
    }

    private static void section(StringBuilder out, String label, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        out.append(label).append(":\n");
        body.lines().forEach(l -> out.append("  ").append(l).append('\n'));
    }
}
