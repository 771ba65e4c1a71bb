package io.socketlab.grader.model;

/**
 * What a student needs to mend a failure, each fact in both languages.
 *
 * @param step     what the test was doing when it diverged
 * @param expected what the contract requires, rendered (quoted, escaped, cut) or described
 * @param actual   what came back, rendered, or a description such as "nothing within 5 s"
 * @param hint     what to try
 */
public record FailureDetail(Text step, Text expected, Text actual, Text hint) {
}
