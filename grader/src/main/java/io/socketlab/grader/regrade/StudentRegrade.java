package io.socketlab.grader.regrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socketlab.grader.classreport.Submission;
import io.socketlab.grader.classreport.Submission.LateCommit;
import io.socketlab.grader.classreport.Submission.Status;
import io.socketlab.grader.regrade.CommandRunner.Finished;
import io.socketlab.grader.regrade.CommandRunner.Invocation;
import io.socketlab.grader.regrade.Git.Commit;
import io.socketlab.grader.regrade.Git.GitException;
import io.socketlab.grader.regrade.Roster.Student;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One student's regrade: fetch, pick the commit, export it, build it, grade it, each bounded, each ending in a clear
 * {@link Submission} record; the student's folder is written whole or not at all.
 */
final class StudentRegrade {

    /** The harness's manifest file name: a repository with one at its root is graded through it. */
    static final String MANIFEST = "socketlab.properties";
    static final String BUILD_LOG = "build.log";
    static final String GRADE_LOG = "grade.log";
    /** The graded Java sources, kept for the similarity check. */
    static final String SOURCE = "source";

    /** What the commands of a student may inherit from the regrade's environment: what finds tools, no secrets. */
    private static final List<String> INHERITED = List.of("PATH", "HOME", "USER", "LOGNAME", "TZ", "JAVA_HOME",
            "PYENV_ROOT", "PYENV_VERSION", "VIRTUAL_ENV", "CONDA_PREFIX", "DISPLAY");

    private final Settings settings;
    private final DeadlineCommit deadlineCommit;
    private final Git git;
    private final CommandRunner runner;
    private final Grader grader;
    private final int maxScore;

    StudentRegrade(Settings settings, DeadlineCommit deadlineCommit, CommandRunner runner, Grader grader,
                   int maxScore) {
        this.settings = settings;
        this.deadlineCommit = deadlineCommit;
        this.git = deadlineCommit.git();
        this.runner = runner;
        this.grader = grader;
        this.maxScore = maxScore;
    }

    /** The student's record: a new one, or the one already on disk when it still holds (a resumed regrade). */
    Outcome run(Student student) throws InterruptedException {
        Path mirror = deadlineCommit.mirror(student);
        String repository = Git.display(student.repository());
        Optional<Submission> earlier = earlier(student);
        Selection selection;
        try {
            if (settings.fetch()) {
                deadlineCommit.fetch(student);
            }
            selection = deadlineCommit.select(student);
        } catch (GitException e) {
            if (earlier.isPresent() && earlier.get().status().isFinal()) {
                return new Outcome(earlier.get(), true); // a fetch that fails now does not undo a grade
            }
            return save(student, record(student, repository, Status.NO_REPOSITORY, e.getMessage(), null, ""), null);
        }
        if (selection.graded().isEmpty()) {
            String why = selection.late().isEmpty() ? "the repository has no commit"
                    : "every commit (" + selection.late().size() + ") is after the deadline";
            return save(student, record(student, repository, Status.NO_SUBMISSION, why, selection, ""), null);
        }
        Commit commit = selection.graded().get();
        if (earlier.isPresent() && earlier.get().status().isFinal() && commit.sha().equals(earlier.get().commit())
                && grader.digest().equals(earlier.get().graderSha256())
                && settings.optionsKey().equals(earlier.get().options())) {
            return new Outcome(earlier.get(), true);
        }
        Path work = settings.work().resolve(student.username());
        Path staging = null;
        try {
            Files.createDirectories(settings.students().resolve(Regrade.STAGING));
            staging = Files.createTempDirectory(settings.students().resolve(Regrade.STAGING), student.username() + "-");
            Tree.delete(work);
            Path source = work.resolve("src");
            git.export(mirror, commit.sha(), source);
            return save(student, buildAndGrade(student, repository, selection, source, work, staging), staging);
        } catch (GitException e) {
            return save(student, record(student, repository, Status.GRADING_FAILED, e.getMessage(), selection, ""),
                    staging);
        } catch (IOException e) {
            return save(student, record(student, repository, Status.GRADING_FAILED, "cannot prepare the student's "
                    + "folders: " + e.getMessage(), selection, ""), staging);
        } finally {
            Tree.delete(work);
        }
    }

    private Submission buildAndGrade(Student student, String repository, Selection selection, Path source, Path work,
                                     Path staging) throws InterruptedException, IOException {
        String layout;
        Path manifest = source.resolve(MANIFEST);
        double buildSeconds = 0;
        int leftovers = 0;
        if (Files.isRegularFile(manifest)) {
            layout = "manifest";
        } else if (Files.isRegularFile(source.resolve("pom.xml"))
                && Files.isRegularFile(source.resolve("student-template/pom.xml"))) {
            layout = "java";
            Finished build = runner.run(buildInvocation(student, source, work, staging));
            buildSeconds = build.took().toMillis() / 1000.0;
            leftovers += build.leftovers();
            if (build.timedOut() || build.exitCode() != 0) {
                String why = build.timedOut()
                        ? "the build ran out of its " + settings.buildTimeout().toSeconds() + " s and was stopped"
                        : "the build failed: " + firstError(staging.resolve(BUILD_LOG), source)
                        .orElse("exit code " + build.exitCode() + ": " + build.outputTail());
                return withTimes(record(student, repository, Status.BUILD_FAILED, why, selection, layout),
                        buildSeconds, 0, leftovers);
            }
            copySources(source.resolve("student-template/src/main/java"), staging.resolve(SOURCE));
        } else {
            return record(student, repository, Status.BUILD_FAILED, "neither layout: no " + MANIFEST
                    + " at the root, and no pom.xml with a student-template/ module", selection, "");
        }
        Finished grading = runner.run(gradeInvocation(student, selection, source, work, staging, layout));
        leftovers += grading.leftovers();
        double gradeSeconds = grading.took().toMillis() / 1000.0;
        Path results = staging.resolve("results.json");
        Submission graded;
        if (!grading.timedOut() && (grading.exitCode() == 0 || grading.exitCode() == 1) && Files.isRegularFile(results)) {
            graded = record(student, repository, Status.GRADED, "", selection, layout);
            JsonNode root = new ObjectMapper().readTree(results.toFile());
            graded = withScore(graded, root.path("score").asInt(), root.path("max_score").asInt());
        } else if (!grading.timedOut() && grading.exitCode() == 2 && layout.equals("manifest")) {
            // After the regrade's own options were checked, a usage error here is the manifest's.
            graded = record(student, repository, Status.BUILD_FAILED, "the grader could not load the manifest: "
                    + grading.outputTail(), selection, layout);
        } else {
            String why = grading.timedOut()
                    ? "the grading ran out of its " + settings.gradeTimeout().toSeconds() + " s and was stopped"
                    : "the grading failed (exit code " + grading.exitCode() + "): " + grading.outputTail();
            graded = record(student, repository, Status.GRADING_FAILED, why, selection, layout);
        }
        return withTimes(graded, buildSeconds, gradeSeconds, leftovers);
    }

    private Invocation buildInvocation(Student student, Path source, Path work, Path staging) throws IOException {
        Path settingsFile = work.resolve("maven-settings.xml");
        // No user settings: they may hold mirrors and credentials that are none of a student's build's business.
        Files.writeString(settingsFile, "<settings/>\n", StandardCharsets.UTF_8);
        List<String> command = List.of("mvn", "-B", "-o", "-q", "-s", settingsFile.toString(),
                "-Dmaven.repo.local=" + settings.mavenRepository(), "package", "-DskipTests");
        return new Invocation(student.username() + ": build", command, source, environment(work, true),
                settings.buildTimeout(), staging.resolve(BUILD_LOG), work, List.of(settings.mavenRepository()));
    }

    private Invocation gradeInvocation(Student student, Selection selection, Path source, Path work, Path staging,
                                       String layout) throws IOException {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        List<String> jvm = new ArrayList<>(List.of("-Djava.io.tmpdir=" + tmp, "-Djava.awt.headless=true"));
        String target;
        if (layout.equals("java")) {
            jvm.add("-Dsocketlab.home=" + source);
            target = "student";
        } else {
            target = source.resolve(MANIFEST).toString();
        }
        List<String> arguments = new ArrayList<>(List.of("grade", "--target", target,
                "--exercises", String.join(",", settings.exercises()), "--out", staging.toString(),
                "--lang", settings.lang(), "--timeout-scale", Double.toString(settings.timeoutScale()),
                "--sandbox", settings.sandbox(),
                "--seed", Long.toString(seed(student, selection.graded().orElseThrow()))));
        if (settings.showHidden()) {
            arguments.add("--show-hidden");
        }
        return new Invocation(student.username() + ": grade", grader.command(jvm, arguments), work,
                environment(work, false), settings.gradeTimeout(), staging.resolve(GRADE_LOG), work, List.of());
    }

    /** The regrade's own variables that find tools, none else (no token); a build gets a home of its own. */
    private static Map<String, String> environment(Path work, boolean ownHome) throws IOException {
        Map<String, String> environment = new HashMap<>();
        for (String name : INHERITED) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        if (ownHome) {
            environment.put("HOME", Files.createDirectories(work.resolve("home")).toString());
        }
        environment.put("LANG", "C.UTF-8");
        environment.put("LC_ALL", "C.UTF-8");
        return environment;
    }

    /** The student's seed: the one given, or one derived from who they are and what is graded (a rerun replays it). */
    long seed(Student student, Commit commit) {
        if (settings.seed() != null) {
            return settings.seed();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((student.username() + ":" + commit.sha()).getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = (seed << 8) | (hash[i] & 0xff);
            }
            return seed & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Submission> earlier(Student student) {
        Path file = settings.students().resolve(student.username()).resolve(Submission.FILE);
        try {
            return Files.isRegularFile(file) ? Optional.of(Submission.read(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // unreadable: graded again
        }
    }

    private Submission record(Student student, String repository, Status status, String detail, Selection selection,
                              String layout) {
        Optional<Commit> graded = selection == null ? Optional.empty() : selection.graded();
        List<LateCommit> late = selection == null ? List.of() : selection.late().stream()
                .map(c -> new LateCommit(c.sha(), c.committerDate().toString(), printable(c.subject()))).toList();
        return new Submission(student.username(), repository, status, printable(detail),
                settings.deadline().toString(),
                graded.map(Commit::sha).orElse(""), graded.map(c -> c.committerDate().toString()).orElse(""),
                selection == null ? "" : selection.pushedAt().map(Instant::toString).orElse(""),
                graded.map(c -> printable(c.subject())).orElse(""), late, selection != null && selection.datesOutOfOrder(), layout,
                grader.digest(), settings.optionsKey(), 0, maxScore, 0, 0, 0, Instant.now().toString());
    }

    /** A line a report can show: no terminal escapes, no control characters. */
    static String printable(String text) {
        return text.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "").replaceAll("[\\p{Cntrl}&&[^\t]]", " ").strip();
    }

    private static Submission withScore(Submission s, int score, int maxScore) {
        return new Submission(s.username(), s.repository(), s.status(), s.detail(), s.deadline(), s.commit(),
                s.committedAt(), s.pushedAt(), s.subject(), s.lateCommits(), s.datesOutOfOrder(), s.layout(),
                s.graderSha256(), s.options(), score, maxScore, s.buildSeconds(), s.gradeSeconds(), s.leftovers(), s.gradedAt());
    }

    private static Submission withTimes(Submission s, double buildSeconds, double gradeSeconds, int leftovers) {
        return new Submission(s.username(), s.repository(), s.status(), s.detail(), s.deadline(), s.commit(),
                s.committedAt(), s.pushedAt(), s.subject(), s.lateCommits(), s.datesOutOfOrder(), s.layout(),
                s.graderSha256(), s.options(), s.score(), s.maxScore(), buildSeconds, gradeSeconds, leftovers, s.gradedAt());
    }

    /** Writes the record into the student's staging folder, then puts that folder in place of the old one at once. */
    private Outcome save(Student student, Submission submission, Path staging) {
        try {
            if (staging == null) {
                Files.createDirectories(settings.students().resolve(Regrade.STAGING));
                staging = Files.createTempDirectory(settings.students().resolve(Regrade.STAGING),
                        student.username() + "-");
            }
            submission.write(staging.resolve(Submission.FILE));
            Tree.replace(staging, settings.students().resolve(student.username()));
            return new Outcome(submission, false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + student.username() + "'s results", e);
        }
    }

    /** The build's first error, as Maven prints it, with paths relative to the repository: what the student fixes. */
    static Optional<String> firstError(Path log, Path source) throws IOException {
        List<String> errors = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
                .map(line -> line.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "").strip())
                .filter(line -> line.startsWith("[ERROR]"))
                .map(line -> line.substring("[ERROR]".length()).strip().replace(source + "/", ""))
                .filter(line -> !line.isEmpty() && !line.startsWith("COMPILATION ERROR"))
                .toList();
        Optional<String> found = errors.stream().filter(line -> line.matches(".*\\.java:\\[\\d+,\\d+\\].*")).findFirst()
                .or(() -> errors.stream().findFirst());
        return found.map(line -> line.length() <= 300 ? line : line.substring(0, 300) + "...");
    }

    private static void copySources(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (var files = Files.walk(from)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && f.toString().endsWith(".java")).toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    /** A student's record, and whether it was kept from an earlier run rather than graded now. */
    record Outcome(Submission submission, boolean kept) {
    }
}
