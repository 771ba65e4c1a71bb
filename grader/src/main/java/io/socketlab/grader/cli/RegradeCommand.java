package io.socketlab.grader.cli;

import io.socketlab.grader.classreport.ClassReport;
import io.socketlab.grader.classreport.ClassReportWriter;
import io.socketlab.grader.classreport.Submission;
import io.socketlab.grader.classreport.Submission.Status;
import io.socketlab.grader.model.Exercises;
import io.socketlab.grader.regrade.Deadline;
import io.socketlab.grader.regrade.Jplag;
import io.socketlab.grader.regrade.PlainCommandRunner;
import io.socketlab.grader.regrade.Regrade;
import io.socketlab.grader.regrade.Roster;
import io.socketlab.grader.regrade.Settings;
import io.socketlab.grader.regrade.Slices;
import io.socketlab.grader.session.Suites;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code regrade}: every student's repository at the deadline, built and graded, into one class report. */
@Command(name = "regrade", mixinStandardHelpOptions = true,
        description = "For instructors: fetches each student's repository, grades the last commit at or before the "
                + "deadline (built in a process of its own; the Java template layout, or a socketlab.properties "
                + "manifest), and writes DIR/students/<username>/ and the class report into DIR. A rerun resumes: "
                + "students already graded at the same commit, grader and options are not graded again.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every student has a grade (graded, build failed or nothing before the deadline)",
                "1:some repositories could not be fetched", "2:bad usage",
                "3:some gradings failed (a harness error or a timeout): run again, it resumes"})
final class RegradeCommand implements Callable<Integer> {

    /** GitHub's REST API; {@code SOCKETLAB_GITHUB_API} names another (GitHub Enterprise). */
    private static final String GITHUB_API = "https://api.github.com";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--roster", required = true, paramLabel = "FILE",
            description = "CSV roster: Classroom 50's (username,first_name,last_name,email,section[,github_id,role]) "
                    + "with --repo-pattern, or username,repo (a URL or a local path).")
    Path roster;

    @Option(names = "--repo-pattern", paramLabel = "PATTERN",
            description = "Where each student's repository is, with {username}: e.g. "
                    + "https://github.com/ORG/CLASSROOM-ASSIGNMENT-{username} (Classroom 50's naming).")
    String repoPattern;

    @Option(names = "--deadline", required = true, paramLabel = "TIME",
            description = "ISO-8601 with its UTC offset, e.g. 2026-10-15T23:59:59-05:00.")
    String deadline;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The regrade's folder (created).")
    Path out;

    @Option(names = "--parallel", defaultValue = "1", paramLabel = "N",
            description = "Students regraded at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Mixin
    RegradeOptions options;

    @Option(names = "--slice", paramLabel = "INDEX/COUNT",
            description = "Regrade only slice INDEX (from 0) of COUNT equal slices of the roster: one job of a matrix.")
    String slice;

    @Option(names = "--fetch-only",
            description = "Only fetch the repositories into DIR/repos (with the token), grade nothing.")
    boolean fetchOnly;

    @Option(names = "--no-fetch",
            description = "Fetch nothing: grade from the repositories already in DIR/repos (so no token is needed).")
    boolean noFetch;

    @Option(names = "--push-times", defaultValue = "commits", paramLabel = "commits|github",
            description = "What decides whether a commit is in time: commits (its committer date, which the "
                    + "student's machine writes) or github (when GitHub received the push, from the repository's "
                    + "activity, fetched with the token; commit dates where it is not to be had) "
                    + "(default: ${DEFAULT-VALUE}).")
    String pushTimes;

    @Option(names = "--token-env", defaultValue = "SOCKETLAB_REGRADE_TOKEN", paramLabel = "NAME",
            description = "The environment variable holding a token for private HTTPS repositories; only git sees it "
                    + "(default: ${DEFAULT-VALUE}).")
    String tokenEnv;

    @Option(names = "--maven-repo", paramLabel = "DIR",
            description = "The local Maven repository students' builds resolve from, offline (default: this user's).")
    Path mavenRepo;

    @Option(names = "--git-timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "Limit of each git operation (default: ${DEFAULT-VALUE}).")
    int gitTimeout;

    @Option(names = "--build-timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "Limit of a student's build (default: ${DEFAULT-VALUE}).")
    int buildTimeout;

    @Option(names = "--grade-timeout", defaultValue = "1800", paramLabel = "SECONDS",
            description = "Limit of a student's grading (default: ${DEFAULT-VALUE}).")
    int gradeTimeout;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter console = spec.commandLine().getOut();
        OffsetDateTime closes;
        List<Roster.Student> students;
        List<String> exercises;
        try {
            closes = Deadline.parse(deadline);
            students = Roster.read(roster, repoPattern);
            exercises = options.exercises();
            if (slice != null) {
                String[] parts = slice.split("/", -1);
                if (parts.length != 2 || !parts[0].matches("\\d{1,4}") || !parts[1].matches("\\d{1,4}")) {
                    throw new IllegalArgumentException("--slice '" + slice + "': write INDEX/COUNT, e.g. 0/12");
                }
                students = Slices.slice(students, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
            if (parallel < 1 || parallel > 64) {
                throw new IllegalArgumentException("--parallel must be from 1 to 64, got " + parallel);
            }
            if (!pushTimes.equals("commits") && !pushTimes.equals("github")) {
                throw new IllegalArgumentException("--push-times must be commits or github, got '" + pushTimes + "'");
            }
            if (fetchOnly && noFetch) {
                throw new IllegalArgumentException("--fetch-only and --no-fetch exclude each other");
            }
            options.checkSandbox();
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        Path repository = mavenRepo != null ? mavenRepo : Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Settings settings = new Settings(out.toAbsolutePath().normalize(), closes, exercises, options.lang,
                options.timeoutScale, options.sandbox, options.showHidden, options.seed, !noFetch,
                noFetch ? null : System.getenv(tokenEnv), repository.toAbsolutePath(), parallel,
                Duration.ofSeconds(gitTimeout), Duration.ofSeconds(buildTimeout), Duration.ofSeconds(gradeTimeout),
                pushTimes.equals("github"), System.getenv().getOrDefault("SOCKETLAB_GITHUB_API", GITHUB_API));
        if (students.isEmpty()) {
            console.println("regrade: slice " + slice + " holds no student: nothing to do");
            console.flush();
            return ExitCodes.FULL_MARKS;
        }
        Regrade regrade = new Regrade(settings, new PlainCommandRunner(), console);
        if (fetchOnly) {
            return regrade.fetch(students) ? ExitCodes.FULL_MARKS : ExitCodes.POINTS_LOST;
        }
        Regrade.Summary summary = regrade.run(students);
        ClassReport report;
        try {
            report = Regrade.report(settings.out(), options.jplag());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            spec.commandLine().getErr().println("socketlab-grader: cannot write the class report: " + e.getMessage());
            return ExitCodes.HARNESS_ERROR;
        }
        console.printf(Locale.ROOT, "regrade: %d graded now, %d kept from an earlier run; class report of %d students "
                        + "in %s (%s)%n", summary.gradedNow(), summary.kept(), report.students().size(), settings.out(),
                String.join(", ", ClassReportWriter.FILES));
        report.similarity().ifPresent(s -> console.println("regrade: " + s.note()));
        console.flush();
        List<Status> statuses = summary.submissions().stream().map(Submission::status).toList();
        if (statuses.contains(Status.GRADING_FAILED)) {
            return ExitCodes.HARNESS_ERROR;
        }
        return statuses.contains(Status.NO_REPOSITORY) ? ExitCodes.POINTS_LOST : ExitCodes.FULL_MARKS;
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("socketlab-grader: " + message);
        spec.commandLine().getErr().flush();
        return ExitCodes.USAGE;
    }

    /** The grading options a regrade passes to every student's {@code grade}, and the similarity check's. */
    static final class RegradeOptions {

        @Option(names = "--exercises", split = ",", paramLabel = "IDS",
                description = "Exercises to grade, comma-separated, or all (default: all).")
        List<String> exercises;

        @Option(names = "--lang", defaultValue = "en", paramLabel = "en|es",
                description = "Language of the students' feedback (default: ${DEFAULT-VALUE}).")
        String lang;

        @Option(names = "--timeout-scale", defaultValue = "1.0", paramLabel = "X",
                description = "Multiplies every timeout of the grading (default: ${DEFAULT-VALUE}).")
        double timeoutScale;

        @Option(names = "--sandbox", defaultValue = "none", paramLabel = "MODE",
                description = "Passed to grade --sandbox for the students' programs (default: ${DEFAULT-VALUE}).")
        String sandbox;

        @Option(names = "--show-hidden", description = "Hidden tests' details in every student's reports.")
        boolean showHidden;

        @Option(names = "--seed", paramLabel = "N",
                description = "One seed for every student (default: one per student, derived from the username and "
                        + "the commit, so a rerun replays it).")
        Long seed;

        @Option(names = "--similarity", defaultValue = "auto", paramLabel = "auto|off",
                description = "Compare the Java submissions with JPlag, where a JDK 21+ and JPlag's jars are present "
                        + "(default: ${DEFAULT-VALUE}).")
        String similarity;

        @Option(names = "--jplag-classpath", paramLabel = "DIR",
                description = "Folder of JPlag's jars (default: $SOCKETLAB_JPLAG_CLASSPATH or ~/.cache/socketlab/jplag).")
        Path jplagClasspath;

        @Option(names = "--jplag-java", paramLabel = "JAVA",
                description = "A JDK 21+'s java for JPlag (default: $SOCKETLAB_JPLAG_JAVA, this JVM if 21+, or the "
                        + "newest under /usr/lib/jvm).")
        Path jplagJava;

        List<String> exercises() {
            boolean all = exercises == null || exercises.isEmpty() || exercises.equals(List.of("all"));
            List<String> selected = all ? Suites.available() : exercises;
            for (String exercise : selected) {
                if (!Suites.available().contains(exercise)) {
                    throw new IllegalArgumentException("unknown exercise '" + exercise + "'; graded: "
                            + String.join(", ", Suites.available()));
                }
            }
            return selected.stream().distinct().sorted(java.util.Comparator.comparingInt(Exercises::order)).toList();
        }

        void checkSandbox() {
            if (!lang.equals("en") && !lang.equals("es")) {
                throw new IllegalArgumentException("--lang must be en or es, got '" + lang + "'");
            }
            if (!List.of("none", "docker", "ns").contains(sandbox)) {
                throw new IllegalArgumentException("--sandbox must be none, docker or ns, got '" + sandbox + "'");
            }
            if (!similarity.equals("auto") && !similarity.equals("off")) {
                throw new IllegalArgumentException("--similarity must be auto or off, got '" + similarity + "'");
            }
        }

        Jplag jplag() {
            return similarity.equals("off") ? null : new Jplag(jplagClasspath, jplagJava);
        }
    }
}
