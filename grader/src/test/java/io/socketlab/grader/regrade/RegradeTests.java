package io.socketlab.grader.regrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socketlab.grader.classreport.Submission;
import io.socketlab.grader.classreport.Submission.Status;
import io.socketlab.grader.cli.GraderCommand;
import io.socketlab.grader.session.Suites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class regrade end to end: a roster of repositories made here, each in a state a real class has, regraded with
 * the command; then regraded again, which grades nothing twice.
 */
class RegradeTests {

    /** The points of sockets and echo, the exercises these regrades grade: from the suites, never typed. */
    private static final int SOCKETS = Suites.maxScore(List.of("sockets"));
    private static final int BOTH = Suites.maxScore(List.of("sockets", "echo"));

    private static final String DEADLINE = "2026-10-15T23:59:59-05:00";
    private static final String BEFORE = "2026-10-14T10:00:00-05:00";
    private static final String AFTER = "2026-10-16T09:00:00-05:00";
    /** What the double-forking program leaves running: a sleep no other program on the machine has. */
    private static final String DAEMON = "sleep 8641";

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void aClassIsRegradedAtItsDeadlineAndAResumedRegradeGradesNothingTwice(@TempDir Path dir) throws Exception {
        StudentRepositories repositories = new StudentRepositories(dir.resolve("github"));
        Path full = repositories.template("full", BEFORE);
        StudentRepositories.putReference(full);
        StudentRepositories.commit(full, BEFORE, "all done");

        repositories.template("untouched", BEFORE);

        Path half = repositories.template("half", BEFORE);
        StudentRepositories.putReferenceSockets(half);
        StudentRepositories.commit(half, BEFORE, "sockets done");

        Path broken = repositories.template("broken", BEFORE);
        Files.writeString(broken.resolve("student-template/src/main/java/Broken.java"), "class Broken {\n");
        StudentRepositories.commit(broken, BEFORE, "half a class");

        Path late = repositories.template("late", BEFORE);
        String onTime = StudentRepositories.head(late);
        StudentRepositories.putReference(late);
        StudentRepositories.commit(late, AFTER, "finished after the deadline");

        repositories.python("python", BEFORE);

        // A server that double-forks a daemon: the daemon escapes the server's process tree.
        Path daemon = repositories.python("daemon", BEFORE);
        Path manifest = daemon.resolve("socketlab.properties");
        Files.writeString(manifest, Files.readString(manifest).replace("sockets.server = python3 sockets/server.py",
                "sockets.server = sh -c '(" + DAEMON + " > /dev/null 2>&1 &) ; exec python3 sockets/server.py \"$@\"' sh"));
        StudentRepositories.commit(daemon, BEFORE, "a server with a friend");

        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, """
                username,first_name,last_name,email,section
                full,Ada,Full,ada@example.org,A
                untouched,Bo,Untouched,bo@example.org,A
                half,Cy,Half,cy@example.org,B
                broken,Di,Broken,di@example.org,B
                late,Ed,Late,ed@example.org,A
                python,Fa,Python,fa@example.org,B
                daemon,Gu,Daemon,gu@example.org,A
                ghost,Ha,Ghost,ha@example.org,A
                """);
        Path out = dir.resolve("regrade");
        List<String> arguments = List.of("regrade", "--roster", roster.toString(),
                "--repo-pattern", "github/{username}", "--deadline", DEADLINE, "--out", out.toString(),
                "--exercises", "sockets,echo", "--parallel", "3", "--similarity", "off", "--git-timeout", "60");

        Run first = regrade(arguments);

        // ghost never accepted the assignment: no repository, the regrade goes on and says so (exit 1).
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
        Map<String, Submission> records = records(out);
        assertThat(records.keySet()).containsExactlyInAnyOrder("full", "untouched", "half", "broken", "late", "python",
                "daemon", "ghost");
        assertGraded(records.get("full"), BOTH, BOTH);
        assertThat(records.get("full").commit()).isEqualTo(StudentRepositories.head(full));
        assertGraded(records.get("untouched"), 0, BOTH);
        assertGraded(records.get("half"), SOCKETS, BOTH);
        assertGraded(records.get("python"), BOTH, BOTH);
        assertThat(records.get("python").layout()).isEqualTo("manifest");

        Submission lateOne = records.get("late");
        assertGraded(lateOne, 0, BOTH);
        assertThat(lateOne.commit()).isEqualTo(onTime);
        assertThat(lateOne.lateCommits()).singleElement()
                .satisfies(c -> assertThat(c.subject()).isEqualTo("finished after the deadline"));

        Submission brokenOne = records.get("broken");
        assertThat(brokenOne.status()).isEqualTo(Status.BUILD_FAILED);
        assertThat(brokenOne.score()).isZero();
        assertThat(brokenOne.maxScore()).isEqualTo(BOTH);
        assertThat(brokenOne.detail()).startsWith("the build failed: student-template/src/main/java/Broken.java:[");
        assertThat(out.resolve("students/broken/build.log")).content().contains("Broken.java");

        assertThat(records.get("ghost").status()).isEqualTo(Status.NO_REPOSITORY);

        // The daemon outlived its server, and was found and killed after the grading.
        assertThat(records.get("daemon").status()).isEqualTo(Status.GRADED);
        assertThat(records.get("daemon").leftovers()).isPositive();
        assertThat(processesRunning(DAEMON)).isEmpty();
        assertThat(processesWorkingIn(out)).isEmpty();
        assertThat(out.resolve("work")).doesNotExist();

        // The class report: the gradebook has every student with their commit and status, the page is whole.
        String gradebook = Files.readString(out.resolve("class.csv"));
        assertThat(gradebook).contains("broken,0," + BOTH + ",0.0,,,build failed," + brokenOne.commit());
        assertThat(gradebook).contains("late,0," + BOTH + ",0.0,0,0,graded," + onTime + ",2026-10-14T10:00-05:00,,1,false,");
        assertThat(gradebook).contains("ghost,0," + BOTH + ",0.0,,,no repository,,,,0,false,");
        assertThat(Files.readString(out.resolve("clauses.csv"))).contains("sockets,SOCK-1,");
        String page = Files.readString(out.resolve("class.html"));
        assertThat(page).contains("<td class=\"key\">late</td>", "1 late commit", "data:image/png;base64,").endsWith("</html>\n");
        assertThat(Files.readString(out.resolve("class.md"))).contains("| build failed | 1 |", "| no repository | 1 |");

        // Again: nothing is graded twice, and what was written stays byte for byte (ghost, never fetched, is tried
        // again, as a student whose repository may have appeared since).
        Map<String, String> before = recordTexts(out);
        Run second = regrade(arguments);
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.out()).contains("7 kept from an earlier run").doesNotContain(", grade ");
        Map<String, String> after = recordTexts(out);
        assertThat(after.remove("students/ghost/regrade.json")).contains("\"status\" : \"no_repository\"");
        before.remove("students/ghost/regrade.json");
        assertThat(after).isEqualTo(before);

        // A new commit before the deadline is graded; the others are kept.
        StudentRepositories.commit(repositories.template("untouched2", BEFORE), BEFORE, "x");
        Path untouched = dir.resolve("github/untouched");
        Files.writeString(untouched.resolve("NOTES.md"), "started\n");
        StudentRepositories.commit(untouched, "2026-10-15T20:00:00-05:00", "notes");
        Run third = regrade(arguments);
        assertThat(third.out()).contains("6 kept from an earlier run");
        assertThat(records(out).get("untouched").commit()).isEqualTo(StudentRepositories.head(untouched));
    }

    @Test
    void wherePushTimesAreKnownALateCommitWithAForgedDateIsNotGraded(@TempDir Path dir) throws Exception {
        StudentRepositories repositories = new StudentRepositories(dir.resolve("github"));
        Path forger = repositories.python("forger", BEFORE);
        String onTime = StudentRepositories.head(forger);
        Files.writeString(forger.resolve("NOTES.md"), "finished late, dated early\n");
        StudentRepositories.commit(forger, "2026-10-15T12:00:00-05:00", "forged");
        String forged = StudentRepositories.head(forger);
        Path roster = Files.writeString(dir.resolve("roster.csv"), "username,repo\nforger,github/forger\n");
        Path out = dir.resolve("regrade");
        List<String> common = List.of("regrade", "--roster", roster.toString(), "--deadline", DEADLINE,
                "--out", out.toString(), "--exercises", "sockets", "--similarity", "off");

        // By its commit dates, the forged commit is in time.
        Run fetched = regrade(concat(common, "--fetch-only"));
        assertThat(fetched.out()).contains("forger               fetched  " + forged.substring(0, 7));

        // GitHub's record (as its REST API returns it) says the forged commit arrived the morning after.
        Files.writeString(out.resolve("repos/forger" + DeadlineCommit.PUSH_LOG), "[" + PushLogTests.activity(onTime,
                forged, "refs/heads/main", "2026-10-16T14:00:00Z", "push") + "," + PushLogTests.activity("0".repeat(40),
                onTime, "refs/heads/main", "2026-10-14T16:00:00Z", "branch_creation") + "]");
        Run graded = regrade(concat(common, "--no-fetch"));

        assertThat(graded.exitCode()).as(graded.out() + graded.err()).isZero();
        Submission record = records(out).get("forger");
        assertGraded(record, SOCKETS, SOCKETS);
        assertThat(record.commit()).isEqualTo(onTime);
        assertThat(record.pushedAt()).isEqualTo("2026-10-14T16:00:00Z");
        assertThat(record.lateCommits()).extracting(Submission.LateCommit::commit).containsExactly(forged);
        assertThat(Files.readString(out.resolve("class.md"))).contains("1 late commit");
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    @Test
    void anAmbiguousDeadlineIsRefusedBeforeAnythingIsFetched(@TempDir Path dir) throws Exception {
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, "username,repo\nalice,alice\n");
        Run run = regrade(List.of("regrade", "--roster", roster.toString(), "--deadline", "2026-10-15T23:59",
                "--out", dir.resolve("out").toString()));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("socketlab-grader: --deadline '2026-10-15T23:59' is ambiguous: it has no UTC "
                + "offset, so its meaning would depend on this machine's time zone; write it with an offset, e.g. "
                + "2026-10-15T23:59:59-05:00 or 2026-10-16T04:59:59Z\n");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private static void assertGraded(Submission submission, int score, int maxScore) {
        assertThat(submission.status()).as(submission.username() + ": " + submission.detail()).isEqualTo(Status.GRADED);
        assertThat(submission.score()).as(submission.username()).isEqualTo(score);
        assertThat(submission.maxScore()).isEqualTo(maxScore);
    }

    private static Run regrade(List<String> arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = GraderCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(arguments.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static Map<String, Submission> records(Path out) throws IOException {
        Map<String, Submission> records = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(out.resolve("students"))) {
            for (Path student : dirs.filter(d -> !d.getFileName().toString().startsWith(".")).toList()) {
                records.put(student.getFileName().toString(), Submission.read(student.resolve(Submission.FILE)));
            }
        }
        return records;
    }

    private static Map<String, String> recordTexts(Path out) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out.resolve("students"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("regrade\\.json|results\\.json"))
                    .toList()) {
                texts.put(out.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    private static List<String> processesRunning(String commandLine) throws IOException {
        List<String> found = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> p.info().commandLine()
                .filter(line -> line.contains(commandLine)).ifPresent(found::add));
        return found;
    }

    private static List<ProcessHandle> processesWorkingIn(Path out) {
        return Leftovers.find("none", out);
    }
}
