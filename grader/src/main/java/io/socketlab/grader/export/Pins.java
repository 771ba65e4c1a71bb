package io.socketlab.grader.export;

import java.util.regex.Pattern;

/**
 * Which grader grades the students' pushes: the upstream repository, the ref pinned in it, and the SHA-256 of the
 * grader jar built at that ref. A {@code null} value keeps what the harness's own {@code grade.yml} says.
 *
 * @param upstream     {@code owner/name} of the harness repository on GitHub
 * @param ref          a tag or a commit of it
 * @param graderSha256 64 lowercase hex digits
 */
public record Pins(String upstream, String ref, String graderSha256) {

    private static final Pattern UPSTREAM = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_./-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** @throws IllegalArgumentException naming the value that is malformed (they are written into YAML and a script) */
    public Pins {
        check(upstream, UPSTREAM, "--upstream must be owner/name");
        check(ref, REF, "--upstream-ref must be a tag, branch or commit");
        check(graderSha256, SHA256, "--grader-sha256 must be 64 lowercase hex digits");
    }

    private static void check(String value, Pattern pattern, String message) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(message + ", got '" + value + "'");
        }
    }
}
