package io.socketlab.grader.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.grader.process.Targets;
import io.socketlab.grader.session.Suites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suites and the specs say the same thing: for every exercise, each clause's tests add up to the points of the
 * spec's rubric, at its level; the total (and the server/client split where the spec gives one) is the sum; every
 * clause a test cites has its anchor; and the Spanish spec, where there is one, has the same clauses, anchors and
 * points. Change a rubric and its suite in the same commit.
 */
class RubricTests {

    private static final Path SPECS = Targets.home().orElseThrow().resolve("specs");
    /** {@code | [ECHO-1](#echo-1) | what | 4 | MUST |} */
    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*\\[([A-Z]+-\\d+)]\\(#([a-z0-9-]+)\\)\\s*\\|.*\\|\\s*(\\d+)\\s*\\|\\s*([A-Z]+)\\s*\\|\\s*$");
    /** {@code | | **Total** (server 48, client 13) | **61** | |} */
    private static final Pattern TOTAL = Pattern.compile(
            "^\\|\\s*\\|\\s*\\*\\*Total\\*\\*\\s*(?:\\(\\D*(\\d+),\\s*\\D*(\\d+)\\))?\\s*\\|\\s*\\*\\*(\\d+)\\*\\*.*$");
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([a-z]+-\\d+)\"></a>");

    /** One rubric row. */
    private record Row(String clause, String anchor, int points, String level) {
    }

    /** A spec's rubric: its rows by clause, its total, and the server/client split when the spec states one. */
    private record Rubric(Map<String, Row> rows, int total, Integer server, Integer client, Set<String> anchors) {
    }

    /** Discovered once: every test's exercise, program, clause, points and level. */
    private static final List<Suites.Entry> CATALOG = Suites.catalog();

    static Stream<String> exercises() {
        return CATALOG.stream().map(Suites.Entry::exercise).distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void eachClausesTestsAddUpToItsRubricPointsAtItsLevel(String exercise) throws IOException {
        Rubric rubric = rubric(SPECS.resolve(exercise + ".md"));
        List<Suites.Entry> tests = CATALOG.stream().filter(e -> e.exercise().equals(exercise)).toList();
        Map<String, Integer> points = tests.stream().collect(Collectors.groupingBy(Suites.Entry::clause,
                LinkedHashMap::new, Collectors.summingInt(Suites.Entry::points)));

        assertThat(new TreeSet<>(points.keySet())).as("clauses the %s suites cite vs its rubric", exercise)
                .isEqualTo(new TreeSet<>(rubric.rows().keySet()));
        rubric.rows().values().forEach(row -> {
            assertThat(points.get(row.clause())).as("%s: points of its tests vs the rubric", row.clause())
                    .isEqualTo(row.points());
            assertThat(tests).filteredOn(t -> t.clause().equals(row.clause())).extracting(Suites.Entry::level)
                    .as("%s: level of its tests vs the rubric", row.clause()).containsOnly(row.level());
        });
        int scored = tests.stream().filter(t -> !t.level().equals("INFO")).mapToInt(Suites.Entry::points).sum();
        assertThat(rubric.total()).as("%s: the rubric's total vs the sum of its rows", exercise)
                .isEqualTo(rubric.rows().values().stream().mapToInt(Row::points).sum())
                .as("%s: the rubric's total vs the suites' points", exercise).isEqualTo(scored);
        if (rubric.server() != null) {
            assertThat(List.of(rubric.server(), rubric.client())).as("%s: server and client points", exercise)
                    .containsExactly(pointsOf(tests, "server"), pointsOf(tests, "client"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void everyCitedClauseHasItsAnchor(String exercise) throws IOException {
        Rubric rubric = rubric(SPECS.resolve(exercise + ".md"));
        Set<String> cited = CATALOG.stream().filter(e -> e.exercise().equals(exercise))
                .map(e -> e.clause().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());

        assertThat(rubric.anchors()).as("anchors in specs/%s.md", exercise).containsAll(cited);
        assertThat(rubric.rows().values()).allSatisfy(row ->
                assertThat(row.anchor()).isEqualTo(row.clause().toLowerCase(Locale.ROOT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void theSpanishSpecHasTheSameClausesAnchorsAndPoints(String exercise) throws IOException {
        Path spanish = SPECS.resolve("es").resolve(exercise + ".md");
        if (!Files.isRegularFile(spanish)) {
            return;
        }
        Rubric english = rubric(SPECS.resolve(exercise + ".md"));
        Rubric translated = rubric(spanish);

        assertThat(translated.anchors()).as("clause anchors of specs/es/%s.md", exercise).isEqualTo(english.anchors());
        assertThat(translated.rows()).as("rubric of specs/es/%s.md", exercise).isEqualTo(english.rows());
        assertThat(List.of(translated.total(), String.valueOf(translated.server()), String.valueOf(translated.client())))
                .as("total of specs/es/%s.md", exercise)
                .isEqualTo(List.of(english.total(), String.valueOf(english.server()), String.valueOf(english.client())));
    }

    private static int pointsOf(List<Suites.Entry> tests, String program) {
        return tests.stream().filter(t -> t.program().equals(program) && !t.level().equals("INFO"))
                .mapToInt(Suites.Entry::points).sum();
    }

    /** The rubric table (the first table after a "## Rubric" or "## Rúbrica" heading) and the clause anchors. */
    private static Rubric rubric(Path spec) throws IOException {
        List<String> lines = Files.readAllLines(spec, StandardCharsets.UTF_8);
        Set<String> anchors = new TreeSet<>();
        lines.forEach(line -> {
            Matcher anchor = ANCHOR.matcher(line);
            while (anchor.find()) {
                anchors.add(anchor.group(1));
            }
        });
        Map<String, Row> rows = new LinkedHashMap<>();
        Integer total = null;
        Integer server = null;
        Integer client = null;
        boolean inRubric = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inRubric = line.matches("## R[uú]bric(a)?\\s*");
                continue;
            }
            if (!inRubric) {
                continue;
            }
            Matcher row = ROW.matcher(line);
            Matcher sum = TOTAL.matcher(line);
            if (row.matches()) {
                Row parsed = new Row(row.group(1), row.group(2), Integer.parseInt(row.group(3)), row.group(4));
                assertThat(rows.put(parsed.clause(), parsed)).as("%s lists %s twice", spec, parsed.clause()).isNull();
            } else if (sum.matches()) {
                total = Integer.parseInt(sum.group(3));
                server = sum.group(1) == null ? null : Integer.parseInt(sum.group(1));
                client = sum.group(2) == null ? null : Integer.parseInt(sum.group(2));
            }
        }
        assertThat(rows).as("rubric rows of %s", spec).isNotEmpty();
        assertThat(total).as("the total row of %s's rubric", spec).isNotNull();
        return new Rubric(rows, total, server, client, anchors);
    }
}
