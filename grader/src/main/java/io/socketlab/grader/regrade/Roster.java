package io.socketlab.grader.regrade;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The students to regrade, read from a CSV roster: Classroom 50's ({@code username,first_name,last_name,email,section}
 * and optionally {@code github_id,role}) with a repository pattern, or {@code username,repo} where {@code repo} is a
 * URL or a local path.
 */
public final class Roster {

    /** One student and where their repository is. */
    public record Student(String username, String repository, String firstName, String lastName, String section) {
    }

    /** What a repository pattern must contain. */
    public static final String USERNAME_PLACEHOLDER = "{username}";

    /** A username becomes a folder name: letters, digits, '.', '_' and '-', as GitHub and Classroom 50 allow. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern URL = Pattern.compile("(?i)(https?|ssh|git|file)://.+|[A-Za-z0-9._-]+@[^:/]+:.+");
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private Roster() {
    }

    /**
     * Reads the roster. Relative local paths in a {@code repo} column or in the pattern are relative to the roster's
     * folder.
     *
     * @param repoPattern where each student's repository is, with {@value #USERNAME_PLACEHOLDER}: required when the
     *                    roster has no {@code repo} column, used for rows whose {@code repo} is empty otherwise
     * @throws IllegalArgumentException one line naming the file, the row and what is wrong
     */
    public static List<Student> read(Path file, String repoPattern) {
        if (repoPattern != null && !repoPattern.contains(USERNAME_PLACEHOLDER)) {
            throw new IllegalArgumentException("--repo-pattern '" + repoPattern + "' has no " + USERNAME_PLACEHOLDER
                    + ": write where each student's repository is, e.g. https://github.com/ORG/CLASSROOM-ASSIGNMENT-"
                    + USERNAME_PLACEHOLDER);
        }
        List<Map<String, String>> rows = rows(file);
        Path base = file.toAbsolutePath().getParent();
        List<Student> students = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int line = i + 2; // the header is line 1
            Map<String, String> row = rows.get(i);
            String username = field(row, "username");
            if (username.isEmpty() && row.values().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (!USERNAME.matcher(username).matches()) {
                throw bad(file, line, "username '" + username + "' is not a GitHub username (letters, digits, "
                        + "'.', '_', '-'; at most 100)");
            }
            Integer earlier = seen.putIfAbsent(username.toLowerCase(Locale.ROOT), line);
            if (earlier != null) {
                throw bad(file, line, "username '" + username + "' is also on line " + earlier);
            }
            String repository = field(row, "repo");
            if (repository.isEmpty()) {
                if (repoPattern == null) {
                    throw bad(file, line, "no repository for '" + username + "': the roster has no repo column "
                            + "(or it is empty here), so pass --repo-pattern with " + USERNAME_PLACEHOLDER);
                }
                repository = repoPattern.replace(USERNAME_PLACEHOLDER, username);
            }
            students.add(new Student(username, resolve(base, repository), field(row, "first_name"),
                    field(row, "last_name"), field(row, "section")));
        }
        if (students.isEmpty()) {
            throw new IllegalArgumentException("roster " + file + " lists no student");
        }
        return List.copyOf(students);
    }

    /** Whether {@code repository} is a URL git fetches from (rather than a local folder). */
    public static boolean isUrl(String repository) {
        return URL.matcher(repository).matches();
    }

    private static String resolve(Path base, String repository) {
        return isUrl(repository) ? repository : base.resolve(repository).normalize().toString();
    }

    private static List<Map<String, String>> rows(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("roster " + file + " does not exist or is not a file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("roster " + file + " is larger than 16 MiB: not a roster");
            }
            CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
                    .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
            CsvSchema schema = CsvSchema.emptySchema().withHeader();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // a spreadsheet's byte order mark
            }
            try (Reader reader = new java.io.StringReader(text);
                 MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema).readValues(reader)) {
                List<Map<String, String>> rows = it.readAll();
                List<String> header = it.getParserSchema() instanceof CsvSchema csv
                        ? csv.getColumnNames() : List.of();
                if (!header.contains("username")) {
                    throw new IllegalArgumentException("roster " + file + " has no 'username' column in its header "
                            + header + ": expected Classroom 50's username,first_name,last_name,email,section "
                            + "or username,repo");
                }
                return rows;
            }
        } catch (RuntimeJsonMappingException | IOException e) {
            throw new IllegalArgumentException("roster " + file + " is not a readable CSV: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String field(Map<String, String> row, String name) {
        String value = row.get(name);
        return value == null ? "" : value.strip();
    }

    private static IllegalArgumentException bad(Path file, int line, String why) {
        return new IllegalArgumentException("roster " + file + ", line " + line + ": " + why);
    }
}
