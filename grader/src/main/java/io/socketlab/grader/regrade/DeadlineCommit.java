package io.socketlab.grader.regrade;

import io.socketlab.grader.regrade.Git.Commit;
import io.socketlab.grader.regrade.Git.GitException;
import io.socketlab.grader.regrade.PushLog.Push;
import io.socketlab.grader.regrade.Roster.Student;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A student's repository brought to this machine, and the commit of it that the deadline picks: by push times where
 * the server's record of pushes was fetched, else by commit dates (see {@link Selection}).
 */
final class DeadlineCommit {

    /** Beside a student's mirror: GitHub's record of the pushes to their repository. */
    static final String PUSH_LOG = ".pushes.json";

    private final Settings settings;
    private final Git git;

    DeadlineCommit(Settings settings) {
        this.settings = settings;
        this.git = new Git(settings.gitTimeout(), settings.token());
    }

    Git git() {
        return git;
    }

    Path mirror(Student student) {
        return settings.mirrors().resolve(student.username() + ".git");
    }

    private Path pushLog(Student student) {
        return settings.mirrors().resolve(student.username() + PUSH_LOG);
    }

    /**
     * Fetches the student's default branch, and, with {@code --push-times github} and a GitHub repository, the
     * record of its pushes (a failure there falls back to commit dates, and says so).
     *
     * @return a note for the console when push times could not be had; empty otherwise
     */
    Optional<String> fetch(Student student) throws GitException, InterruptedException {
        Path mirror = mirror(student);
        git.fetch(student.repository(), mirror);
        if (!settings.pushTimes()) {
            return Optional.empty();
        }
        Path log = pushLog(student);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new GitException("cannot remove " + log + ": " + e.getMessage());
        }
        Optional<String> github = GitHubActivity.ownerAndName(student.repository());
        Optional<String> branch = git.branch(mirror);
        if (github.isEmpty() || branch.isEmpty()) {
            return Optional.of("push times: not a GitHub repository (or no default branch); commit dates decide");
        }
        try {
            new GitHubActivity(settings.githubApi(), settings.token(), settings.gitTimeout())
                    .fetch(github.get(), branch.get(), log);
            return Optional.empty();
        } catch (GitException e) {
            return Optional.of("push times: " + e.getMessage() + "; commit dates decide");
        }
    }

    /** The commit the deadline picks from what was fetched. */
    Selection select(Student student) throws GitException, InterruptedException {
        Path mirror = mirror(student);
        if (!Files.isDirectory(mirror.resolve("objects"))) {
            throw new GitException("not fetched (run without --no-fetch first)");
        }
        List<Commit> history = git.history(mirror);
        Instant deadline = settings.deadline().toInstant();
        Path log = pushLog(student);
        Optional<String> branch = git.branch(mirror);
        if (!Files.isRegularFile(log) || branch.isEmpty()) {
            return Selection.at(history, deadline);
        }
        List<Push> pushes;
        try {
            pushes = PushLog.read(log);
        } catch (IOException e) {
            throw new GitException("the record of pushes " + log + " cannot be read: " + e.getMessage());
        }
        if (pushes.stream().noneMatch(p -> p.ref().equals(branch.get()))) {
            return Selection.at(history, deadline); // no record of this branch (older than the server keeps)
        }
        Optional<Push> last = PushLog.lastBefore(pushes, branch.get(), deadline);
        if (last.isEmpty()) {
            return new Selection(Optional.empty(), history, false, Optional.empty());
        }
        String sha = last.get().after();
        Optional<Commit> graded = git.commit(mirror, sha);
        if (graded.isEmpty() && settings.fetch()) {
            git.fetchCommit(student.repository(), mirror, sha);
            graded = git.commit(mirror, sha);
        }
        if (graded.isEmpty()) {
            throw new GitException("the commit pushed last before the deadline, " + sha + " at " + last.get().at()
                    + ", is not in the repository any more (force-pushed away)");
        }
        return Selection.pushed(graded.get(), last.get().at(), git.above(mirror, sha), history);
    }
}
