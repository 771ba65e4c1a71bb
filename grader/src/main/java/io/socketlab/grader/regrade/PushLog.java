package io.socketlab.grader.regrade;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When each push reached the server, as GitHub records it in a repository's activity ({@code GET
 * /repos/{owner}/{repo}/activity}: {@code before}, {@code after}, {@code ref}, {@code timestamp},
 * {@code activity_type}). Unlike a commit's dates, the student's machine does not write these.
 */
public final class PushLog {

    /** One change of a branch: it moved from {@code before} to {@code after} at {@code at}. */
    public record Push(String before, String after, String ref, Instant at, String type) {
    }

    /** The activities that move a branch to a commit a student could have graded. */
    private static final Set<String> MOVES = Set.of("push", "force_push", "pr_merge", "merge_queue_merge",
            "branch_creation");
    private static final String NO_COMMIT = "0000000000000000000000000000000000000000";

    private PushLog() {
    }

    /**
     * Reads a file of GitHub's activity entries: one JSON array, or several one after another (the pages {@code gh
     * api --paginate} prints).
     *
     * @throws IOException when it is not such a file
     */
    public static List<Push> read(Path file) throws IOException {
        List<Push> pushes = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        try (JsonParser parser = mapper.getFactory().createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() != JsonToken.START_ARRAY) {
                    throw new IOException(file + " is not GitHub's repository activity: expected JSON arrays");
                }
                JsonNode page = mapper.readTree(parser);
                for (JsonNode entry : page) {
                    push(entry).ifPresent(pushes::add);
                }
            }
        }
        return pushes;
    }

    private static Optional<Push> push(JsonNode entry) {
        try {
            return Optional.of(new Push(entry.path("before").asText(""), entry.path("after").asText(""),
                    entry.path("ref").asText(""), Instant.parse(entry.path("timestamp").asText("")),
                    entry.path("activity_type").asText("")));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The last move of {@code ref} at or before the deadline to a commit (not a deletion). */
    public static Optional<Push> lastBefore(List<Push> pushes, String ref, Instant deadline) {
        return pushes.stream().filter(p -> p.ref().equals(ref) && MOVES.contains(p.type())
                        && !p.at().isAfter(deadline) && !p.after().equals(NO_COMMIT) && !p.after().isEmpty())
                .max(Comparator.comparing(Push::at));
    }

    /** The moves of {@code ref} after the deadline, oldest first. */
    public static List<Push> after(List<Push> pushes, String ref, Instant deadline) {
        return pushes.stream().filter(p -> p.ref().equals(ref) && p.at().isAfter(deadline))
                .sorted(Comparator.comparing(Push::at)).toList();
    }
}
