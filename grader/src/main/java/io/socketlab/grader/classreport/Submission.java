package io.socketlab.grader.classreport;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a regrade did for one student, kept beside their results as {@value #FILE}: the repository, the commit graded
 * and the late ones, and how the build and the grading ended. The class report shows it; a resumed regrade reads it
 * to skip what is already graded.
 *
 * @param status        how the student's regrade ended
 * @param detail        why, in one line, when it did not end in a grade
 * @param commit        the commit graded (empty when none was at or before the deadline)
 * @param committedAt   its committer date, as the commit records it (ISO-8601 with its offset)
 * @param pushedAt      when it was pushed, as the server recorded it, where push times decided (else empty)
 * @param lateCommits   the commits after the deadline, newest first
 * @param datesOutOfOrder whether a commit up to the graded one is dated after its child (rebase, clock, forgery)
 * @param layout        {@code java} (the template's Maven layout), {@code manifest} (socketlab.properties) or empty
 * @param graderSha256  the digest of the grader that graded
 * @param options       the grading options that change a score, as one string (a resumed regrade compares it)
 * @param score         the points earned (0 when not graded)
 * @param maxScore      the points of the exercises graded
 * @param leftovers     processes the student's build or programs left running, killed after them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Submission(String username, String repository, Status status, String detail, String deadline,
                         String commit, String committedAt, String pushedAt, String subject,
                         List<LateCommit> lateCommits,
                         boolean datesOutOfOrder, String layout, String graderSha256, String options, int score,
                         int maxScore, double buildSeconds, double gradeSeconds, int leftovers,
                         String gradedAt) {

    public static final String FILE = "regrade.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** How a student's regrade ended. */
    public enum Status {
        /** Built (where there is a build) and graded: the score is the grade. */
        @JsonProperty("graded") GRADED,
        /** The student's build failed or ran out of time: nothing to grade, 0 points. */
        @JsonProperty("build_failed") BUILD_FAILED,
        /** No commit at or before the deadline: 0 points. */
        @JsonProperty("no_submission") NO_SUBMISSION,
        /** The repository could not be fetched (missing, private without a token, network): not graded. */
        @JsonProperty("no_repository") NO_REPOSITORY,
        /** The grading itself failed (a harness error, or it ran out of time): not graded, run again. */
        @JsonProperty("grading_failed") GRADING_FAILED;

        /** As written in the reports. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        /** Whether a resumed regrade keeps this outcome for the same commit, grader and options. */
        public boolean isFinal() {
            return this == GRADED || this == BUILD_FAILED;
        }
    }

    /** One commit after the deadline. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LateCommit(String commit, String committedAt, String subject) {
    }

    public Submission {
        lateCommits = lateCommits == null ? List.of() : List.copyOf(lateCommits);
        pushedAt = pushedAt == null ? "" : pushedAt;
    }

    public String shortCommit() {
        return commit == null || commit.length() < 7 ? (commit == null ? "" : commit) : commit.substring(0, 7);
    }

    public static Submission read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), Submission.class);
    }

    public void write(Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), this);
    }
}
