package io.socketlab.grader.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Who and what a Classroom 50 result is about, as its runner tells an autograder through the environment
 * ({@code CLASSROOM}, {@code ASSIGNMENT}, {@code ASSIGNMENT_TYPE}, {@code OWNER}/{@code USERNAME},
 * {@code SUBMISSION_TAG}, {@code COMMIT_URL}, {@code RELEASE_URL}, {@code REVIEW_URL}, {@code GITHUB_ACTOR}/
 * {@code GITHUB_ACTOR_ID}). Outside that runner (a local run, the plain GitHub workflow) each field falls back to
 * a value that says so ({@code local}, {@code submit/local}), so the file is still valid but no gradebook would
 * accept it: collection checks the identity against the repository it came from.
 *
 * @param datetime the submission instant: the graded commit's committer date, which the autograder passes as
 *                 {@value #SUBMITTED_AT} (ISO 8601); this run's time when it is absent
 */
public record Classroom50Identity(String classroom, String assignment, String assignmentType, String owner,
                                  String submission, String commit, String release, String review,
                                  Instant datetime, Instant gradedAt, String submittedBy, Long submittedById) {

    /** Set by our autograder.py from {@code git show -s --format=%cI HEAD}. */
    public static final String SUBMITTED_AT = "SOCKETLAB_SUBMITTED_AT";
    static final String LOCAL = "local";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The identity the environment gives, {@code now} being this run's time. */
    public static Classroom50Identity from(Map<String, String> env, Instant now) {
        String commit = first(env, "COMMIT_URL");
        if (commit == null && first(env, "GITHUB_REPOSITORY") != null && first(env, "GITHUB_SHA") != null) {
            commit = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com") + "/" + env.get("GITHUB_REPOSITORY")
                    + "/commit/" + env.get("GITHUB_SHA");
        }
        commit = commit == null ? LOCAL : commit;
        String tag = first(env, "SUBMISSION_TAG");
        String actorId = first(env, "GITHUB_ACTOR_ID");
        return new Classroom50Identity(
                orLocal(first(env, "CLASSROOM")),
                orLocal(first(env, "ASSIGNMENT")),
                // The contract's two modes; anything else is the stricter one, as Classroom 50's runner decides.
                "group".equalsIgnoreCase(first(env, "ASSIGNMENT_TYPE")) ? "group" : "individual",
                orLocal(first(env, "OWNER", "USERNAME", "GITHUB_REPOSITORY_OWNER", "GITHUB_ACTOR")),
                tag != null && tag.startsWith("submit/") ? tag : "submit/" + LOCAL,
                commit,
                orLocal(first(env, "RELEASE_URL")),
                first(env, "REVIEW_URL") != null ? env.get("REVIEW_URL") : commit,
                submittedAt(first(env, SUBMITTED_AT), now),
                now.truncatedTo(ChronoUnit.SECONDS),
                first(env, "GITHUB_ACTOR"),
                actorId != null && actorId.matches("\\d{1,18}") ? Long.valueOf(actorId) : null);
    }

    /** An instant as the contract writes it: {@code YYYY-MM-DDTHH:MM:SSZ}, UTC. */
    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    private static Instant submittedAt(String value, Instant now) {
        if (value != null) {
            try {
                return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e) {
                // A malformed value is not the submission time: fall back to this run's, as the runner does.
            }
        }
        return now.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String orLocal(String value) {
        return value == null ? LOCAL : value;
    }
}
