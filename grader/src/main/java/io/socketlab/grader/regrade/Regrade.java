package io.socketlab.grader.regrade;

import io.socketlab.grader.classreport.ClassReport;
import io.socketlab.grader.classreport.ClassReportWriter;
import io.socketlab.grader.classreport.Similarity;
import io.socketlab.grader.classreport.Submission;
import io.socketlab.grader.regrade.Roster.Student;
import io.socketlab.grader.session.Suites;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Regrades a roster: {@code parallel} students at a time, each in its own processes, each ending in a record. */
public final class Regrade {

    /** Where students' folders are prepared before they replace the old ones (inside students/). */
    static final String STAGING = ".staging";

    /** What the regrade did. */
    public record Summary(List<Submission> submissions, int gradedNow, int kept) {
    }

    private final Settings settings;
    private final CommandRunner runner;
    private final PrintWriter console;

    public Regrade(Settings settings, CommandRunner runner, PrintWriter console) {
        this.settings = settings;
        this.runner = runner;
        this.console = console;
    }

    /** The points of the exercises graded, as every student's maximum (one who is not graded scores 0 of it). */
    public static int maxScore(List<String> exercises) {
        return Suites.catalog().stream().filter(e -> exercises.contains(e.exercise())).mapToInt(Suites.Entry::points)
                .sum();
    }

    public Summary run(List<Student> students) throws InterruptedException {
        // What a killed regrade left half-done goes: its students are graded again.
        Tree.delete(settings.students().resolve(STAGING));
        Tree.delete(settings.work());
        Grader grader = Grader.current();
        StudentRegrade regrade = new StudentRegrade(settings, new DeadlineCommit(settings), runner, grader,
                maxScore(settings.exercises()));
        console.printf(Locale.ROOT, "regrade: %d students, deadline %s, exercises %s, %d at a time%n",
                students.size(), settings.deadline(), String.join(",", settings.exercises()), settings.parallel());
        console.printf(Locale.ROOT, "regrade: grader sha256 %s; builds and gradings run as %s%n", grader.digest(),
                runner.describe());
        console.flush();
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallel(), task -> {
            Thread thread = new Thread(task, "socketlab-regrade");
            thread.setDaemon(true);
            return thread;
        });
        ExecutorCompletionService<StudentRegrade.Outcome> done = new ExecutorCompletionService<>(pool);
        List<Future<StudentRegrade.Outcome>> futures = new ArrayList<>();
        List<Submission> submissions = new ArrayList<>();
        AtomicInteger finished = new AtomicInteger();
        int kept = 0;
        try {
            for (Student student : students) {
                futures.add(done.submit(() -> regrade.run(student)));
            }
            for (int i = 0; i < students.size(); i++) {
                StudentRegrade.Outcome outcome = done.take().get();
                submissions.add(outcome.submission());
                kept += outcome.kept() ? 1 : 0;
                console.println(line(finished.incrementAndGet(), students.size(), outcome));
                console.flush();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the regrade failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            Tree.delete(settings.work());
        }
        return new Summary(List.copyOf(submissions), students.size() - kept, kept);
    }

    /**
     * Fetches every student's repository into the mirrors and prints the commit that would be graded, grading
     * nothing: the step that needs the token, before any student's code runs.
     *
     * @return whether every repository was fetched
     */
    public boolean fetch(List<Student> students) throws InterruptedException {
        DeadlineCommit deadlineCommit = new DeadlineCommit(settings);
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallel());
        List<Future<String>> lines = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        try {
            for (Student student : students) {
                lines.add(pool.submit(() -> {
                    try {
                        Optional<String> note = deadlineCommit.fetch(student);
                        Selection selection = deadlineCommit.select(student);
                        return String.format(Locale.ROOT, "%-20s fetched  %s%s%s", student.username(),
                                selection.graded().map(c -> c.sha().substring(0, 7)).orElse("nothing in time"),
                                selection.late().isEmpty() ? "" : " (" + selection.late().size() + " late)",
                                note.map(n -> "\n      " + n).orElse(""));
                    } catch (Git.GitException e) {
                        failed.incrementAndGet();
                        return String.format(Locale.ROOT, "%-20s NOT fetched: %s", student.username(), e.getMessage());
                    }
                }));
            }
            for (Future<String> line : lines) {
                console.println(line.get());
                console.flush();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the fetch failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return failed.get() == 0;
    }

    /**
     * Writes the class report of every student under {@code out/students} into {@code out}, with the similarity
     * check when {@code jplag} is given.
     *
     * @throws IllegalArgumentException when there is no student's record or results to report on
     */
    public static ClassReport report(Path out, Jplag jplag) throws InterruptedException {
        Path students = out.resolve("students");
        Tree.delete(students.resolve(STAGING));
        ClassReport report = ClassReport.load(List.of(students), ClassReport.NameFrom.PARENT);
        Similarity similarity = jplag == null
                ? Similarity.skipped("Similarity not checked (--similarity off).")
                : jplag.compare(students, out);
        report = report.withSimilarity(similarity);
        ClassReportWriter.write(report, out);
        return report;
    }

    private static String line(int index, int total, StudentRegrade.Outcome outcome) {
        Submission s = outcome.submission();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%d/%d] %-20s %-14s", index, total,
                s.username(), s.status().label()));
        if (s.status() == Submission.Status.GRADED) {
            line.append(String.format(Locale.ROOT, " %d/%d", s.score(), s.maxScore()));
        }
        if (!s.commit().isEmpty()) {
            line.append("  ").append(s.shortCommit());
        }
        if (!s.lateCommits().isEmpty()) {
            line.append(" (").append(s.lateCommits().size()).append(" late)");
        }
        if (outcome.kept()) {
            line.append("  already graded: kept");
        } else if (s.buildSeconds() + s.gradeSeconds() > 0) {
            line.append(String.format(Locale.ROOT, "  build %.1f s, grade %.1f s", s.buildSeconds(), s.gradeSeconds()));
        }
        if (!s.detail().isEmpty()) {
            line.append("\n      ").append(s.detail());
        }
        return line.toString();
    }
}
