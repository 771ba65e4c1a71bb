package io.socketlab.grader.classreport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socketlab.grader.model.Clauses;
import io.socketlab.grader.model.Exercises;
import io.socketlab.grader.model.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Many students' {@code results.json} merged: each student's score, and each test's pass rate across the class. */
public final class ClassReport {

    /** The file the grader writes, and the one folders are searched for when names come from the parent folder. */
    public static final String RESULTS_FILE = "results.json";

    /** Where a student's name comes from. */
    public enum NameFrom {
        /** The folder holding the file: {@code grades/alice/results.json} is alice. */
        PARENT,
        /** The file name without its extension: {@code alice.json} is alice; folders are searched for every {@code *.json}. */
        FILE
    }

    /** One test in one student's results; {@code level} is MUST, SHOULD or INFO (empty when the file omits it). */
    public record TestResult(String exercise, String clause, String name, int score, int maxScore, Verdict verdict,
                             String level) {

        /** Whether this test is scored, or only a measurement with no pass rate. */
        public boolean scored() {
            return verdict != Verdict.INFO && !level.equals("INFO");
        }
    }

    /** One student's results. */
    public record Student(String name, Path file, int score, int maxScore, List<TestResult> tests) {

        public double percent() {
            return ClassReport.percent(score, maxScore);
        }

        /** The sum of the student's test scores in each exercise they were graded on. */
        public Map<String, Integer> scoreByExercise() {
            Map<String, Integer> scores = new LinkedHashMap<>();
            tests.forEach(test -> scores.merge(test.exercise(), test.score(), Integer::sum));
            return scores;
        }

        Map<String, Integer> maxScoreByExercise() {
            Map<String, Integer> maxScores = new LinkedHashMap<>();
            tests.forEach(test -> maxScores.merge(test.exercise(), test.maxScore(), Integer::sum));
            return maxScores;
        }
    }

    /** How the students who had one test fared on it. */
    public record TestRate(String exercise, String clause, String name, int maxScore, Map<Verdict, Integer> verdicts) {

        public int count(Verdict verdict) {
            return verdicts.getOrDefault(verdict, 0);
        }

        /** The students whose results include this test. */
        public int students() {
            return verdicts.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Percent of {@link #students()} who passed. */
        public double passRate() {
            return percent(count(Verdict.PASS), students());
        }
    }

    /** The class's mean score in one exercise, over the students graded on it. */
    public record ExerciseAverage(String exercise, double meanScore, int maxScore, int students) {

        public double meanPercent() {
            return maxScore == 0 ? 0 : 100.0 * meanScore / maxScore;
        }
    }

    /**
     * How the students who had one clause's scored tests fared on it.
     *
     * @param passedAll the students who passed every scored test of the clause
     * @param points    the points they earned in it, all together
     * @param maxPoints the points they could have earned, all together
     */
    public record ClauseRate(String exercise, String clause, int students, int passedAll, int points, int maxPoints) {

        /** Percent of the students who passed every test of the clause. */
        public double passRate() {
            return percent(passedAll, students);
        }

        /** Percent of the clause's points the class earned. */
        public double pointsRate() {
            return percent(points, maxPoints);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<Student> students;
    private final Map<String, Submission> submissions;
    private final Similarity similarity;

    private ClassReport(List<Student> students, Map<String, Submission> submissions, Similarity similarity) {
        this.students = students;
        this.submissions = submissions;
        this.similarity = similarity;
    }

    public static ClassReport of(List<Student> students) {
        return of(students, Map.of());
    }

    /** Students with what a regrade recorded of them ({@link Submission}, by student name). */
    public static ClassReport of(List<Student> students, Map<String, Submission> submissions) {
        List<Student> sorted = new ArrayList<>(students);
        sorted.sort(Comparator.comparing(Student::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Student::name));
        return new ClassReport(List.copyOf(sorted), Map.copyOf(submissions), null);
    }

    /** The same report with the similarity between submissions. */
    public ClassReport withSimilarity(Similarity similarity) {
        return new ClassReport(students, submissions, similarity);
    }

    /** What the regrade recorded of a student: the commit graded, late commits, build failures; empty otherwise. */
    public Optional<Submission> submission(String student) {
        return Optional.ofNullable(submissions.get(student));
    }

    /** Whether the report comes from a regrade (some student has a {@link Submission}). */
    public boolean fromRegrade() {
        return !submissions.isEmpty();
    }

    public Optional<Similarity> similarity() {
        return Optional.ofNullable(similarity);
    }

    /**
     * Reads every results file named, or found under a folder named.
     *
     * @throws IllegalArgumentException a one-line message naming the path: missing, not valid results, nothing found
     *                                  under a folder, or two files that give the same student name
     */
    public static ClassReport load(List<Path> paths, NameFrom nameFrom) {
        Set<Path> files = new LinkedHashSet<>();
        for (Path path : paths) {
            files.addAll(resultsFiles(path, nameFrom));
        }
        Map<String, Student> byName = new LinkedHashMap<>();
        Map<String, Submission> submissions = new LinkedHashMap<>();
        for (Path file : files) {
            String name = studentName(file, nameFrom);
            Path record = file.resolveSibling(Submission.FILE);
            Optional<Submission> submission = nameFrom == NameFrom.PARENT && Files.isRegularFile(record)
                    ? Optional.of(readSubmission(record)) : Optional.empty();
            // A regrade that graded nothing (a failed build, no commit in time) leaves only its record: 0 points.
            Student student = file.getFileName().toString().equals(Submission.FILE)
                    ? new Student(name, file, 0, submission.orElseThrow().maxScore(), List.of())
                    : read(file, name);
            Student earlier = byName.putIfAbsent(student.name(), student);
            if (earlier != null) {
                throw new IllegalArgumentException("two results for student '" + student.name() + "': "
                        + earlier.file() + " and " + file);
            }
            submission.ifPresent(s -> submissions.put(name, s));
        }
        return of(new ArrayList<>(byName.values()), submissions);
    }

    /**
     * Every clause any student was tested on, the one the fewest students passed whole first; ties in the course's
     * order.
     */
    public List<ClauseRate> clauseRates() {
        record Key(String exercise, String clause) {
        }
        Map<Key, int[]> totals = new LinkedHashMap<>(); // students, passed all, points, max points
        for (Student student : students) {
            Map<Key, List<TestResult>> byClause = new LinkedHashMap<>();
            student.tests().stream().filter(TestResult::scored)
                    .forEach(t -> byClause.computeIfAbsent(new Key(t.exercise(), t.clause()), k -> new ArrayList<>()).add(t));
            byClause.forEach((key, tests) -> {
                int[] total = totals.computeIfAbsent(key, k -> new int[4]);
                total[0]++;
                total[1] += tests.stream().allMatch(t -> t.verdict() == Verdict.PASS) ? 1 : 0;
                total[2] += tests.stream().mapToInt(TestResult::score).sum();
                total[3] += tests.stream().mapToInt(TestResult::maxScore).sum();
            });
        }
        return totals.entrySet().stream()
                .map(e -> new ClauseRate(e.getKey().exercise(), e.getKey().clause(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], e.getValue()[3]))
                .sorted(Comparator.comparingDouble(ClauseRate::passRate)
                        .thenComparingInt(r -> Exercises.order(r.exercise()))
                        .thenComparingInt(r -> Clauses.number(r.clause())))
                .toList();
    }

    /** Sorted by name. */
    public List<Student> students() {
        return students;
    }

    /** Every exercise any student was graded on, in the course's order. */
    public List<String> exercises() {
        return students.stream().flatMap(s -> s.tests().stream()).map(TestResult::exercise).distinct()
                .sorted(Comparator.comparingInt(Exercises::order)).toList();
    }

    /** Every scored test, the one the fewest students passed first; ties keep the order the results list them. */
    public List<TestRate> testRates() {
        record Key(String exercise, String clause, String name) {
        }
        Map<Key, Map<Verdict, Integer>> verdicts = new LinkedHashMap<>();
        Map<Key, Integer> maxScores = new LinkedHashMap<>();
        for (Student student : students) {
            for (TestResult test : student.tests()) {
                if (!test.scored()) {
                    continue;
                }
                Key key = new Key(test.exercise(), test.clause(), test.name());
                verdicts.computeIfAbsent(key, k -> new EnumMap<>(Verdict.class)).merge(test.verdict(), 1, Integer::sum);
                maxScores.merge(key, test.maxScore(), Math::max);
            }
        }
        return verdicts.entrySet().stream()
                .map(e -> new TestRate(e.getKey().exercise(), e.getKey().clause(), e.getKey().name(),
                        maxScores.get(e.getKey()), Map.copyOf(e.getValue())))
                .sorted(Comparator.comparingDouble(TestRate::passRate))
                .toList();
    }

    /** The mean score of each exercise, in the course's order. */
    public List<ExerciseAverage> exerciseAverages() {
        List<ExerciseAverage> averages = new ArrayList<>();
        for (String exercise : exercises()) {
            List<Student> graded = students.stream().filter(s -> s.scoreByExercise().containsKey(exercise)).toList();
            double mean = graded.stream().mapToInt(s -> s.scoreByExercise().get(exercise)).average().orElse(0);
            int maxScore = graded.stream().mapToInt(s -> s.maxScoreByExercise().get(exercise)).max().orElse(0);
            averages.add(new ExerciseAverage(exercise, mean, maxScore, graded.size()));
        }
        return averages;
    }

    public double meanPercent() {
        return students.stream().mapToDouble(Student::percent).average().orElse(0);
    }

    public double medianPercent() {
        double[] sorted = students.stream().mapToDouble(Student::percent).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public double minPercent() {
        return students.stream().mapToDouble(Student::percent).min().orElse(0);
    }

    public double maxPercent() {
        return students.stream().mapToDouble(Student::percent).max().orElse(0);
    }

    /** How many students scored 0-10 %, 10-20 %, ..., 90-100 % (a bucket holds its lower bound; 100 % is in the last). */
    public int[] histogram() {
        int[] buckets = new int[10];
        for (Student student : students) {
            buckets[Math.min(9, (int) Math.floor(student.percent() / 10))]++;
        }
        return buckets;
    }

    static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static List<Path> resultsFiles(Path path, NameFrom nameFrom) {
        if (Files.isRegularFile(path)) {
            return List.of(path.toAbsolutePath().normalize());
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("no such file or folder: " + path);
        }
        String wanted = nameFrom == NameFrom.FILE ? "*.json" : RESULTS_FILE;
        Predicate<String> isWanted = nameFrom == NameFrom.FILE ? name -> name.endsWith(".json") : RESULTS_FILE::equals;
        List<Path> found;
        try (Stream<Path> walk = Files.walk(path)) {
            found = walk.filter(Files::isRegularFile)
                    .filter(f -> isWanted.test(f.getFileName().toString())
                            || nameFrom == NameFrom.PARENT && onlyRecord(f))
                    .map(f -> f.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot search " + path + ": " + e.getMessage());
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no " + wanted + " found under " + path);
        }
        return found;
    }

    /** A regrade's record with no results beside it: the student was not graded, yet has a row. */
    private static boolean onlyRecord(Path file) {
        return file.getFileName().toString().equals(Submission.FILE)
                && !Files.exists(file.resolveSibling(RESULTS_FILE));
    }

    private static Submission readSubmission(Path file) {
        try {
            Submission submission = Submission.read(file);
            if (submission.status() == null || submission.username() == null) {
                throw invalid(file, "not a regrade record: status or username missing");
            }
            return submission;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid " + Submission.FILE + ": " + file + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String studentName(Path file, NameFrom nameFrom) {
        Path parent = file.getParent();
        if (nameFrom == NameFrom.PARENT && parent != null && parent.getFileName() != null) {
            return parent.getFileName().toString();
        }
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static Student read(Path file, String name) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw invalid(file, "not JSON (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + ", line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, "expected a JSON object with score, max_score and tests");
        }
        JsonNode tests = root.get("tests");
        if (tests == null || !tests.isArray()) {
            throw invalid(file, "'tests' is missing or not an array");
        }
        List<TestResult> results = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            JsonNode test = tests.get(i);
            String where = "tests[" + i + "].";
            results.add(new TestResult(text(file, test, "exercise", where), text(file, test, "clause", where),
                    text(file, test, "name", where), integer(file, test, "score", where),
                    integer(file, test, "max_score", where), verdict(file, test, where),
                    test.path("level").asText("")));
        }
        return new Student(name, file, integer(file, root, "score", ""), integer(file, root, "max_score", ""),
                List.copyOf(results));
    }

    private static String text(Path file, JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw invalid(file, "'" + where + field + "' is missing or not a string");
        }
        return value.asText();
    }

    private static Verdict verdict(Path file, JsonNode test, String where) {
        String verdict = text(file, test, "verdict", where);
        try {
            return Verdict.valueOf(verdict);
        } catch (IllegalArgumentException e) {
            throw invalid(file, "'" + where + "verdict' is '" + verdict + "', not one of "
                    + Arrays.stream(Verdict.values()).map(Verdict::name).collect(Collectors.joining(", ")));
        }
    }

    private static int integer(Path file, JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw invalid(file, "'" + where + field + "' is missing or not a whole number");
        }
        return value.intValue();
    }

    private static IllegalArgumentException invalid(Path file, String why) {
        return new IllegalArgumentException("not a valid results.json: " + file + ": " + why);
    }
}
