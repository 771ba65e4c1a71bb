package io.socketlab.grader.regrade;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The git operations of a regrade, each bounded by a timeout: fetch a student's default branch into a bare mirror,
 * list its history, and export one commit's files. Git never prompts ({@code GIT_TERMINAL_PROMPT=0}); a token for
 * private repositories travels in git's environment as an HTTP header for the repository's own host, never on a
 * command line (visible to every user in the process list) and never in a message.
 */
public final class Git {

    /** Where the fetched default branch is kept in a mirror. */
    static final String GRADED_REF = "refs/socketlab/head";
    /** Commits of a branch's history that are read, newest first: a regrade needs the ones around the deadline. */
    static final int MAX_HISTORY = 10_000;
    /** Beside a mirror's refs: the remote's default branch, as {@code ls-remote --symref} named it. */
    static final String BRANCH_FILE = "socketlab-branch";
    private static final String FORMAT = "--format=%H%x1f%ct%x1f%cI%x1f%s";
    private static final Pattern SYMREF = Pattern.compile("(?m)^ref: (refs/heads/\\S+)\\tHEAD$");

    /** One commit of the default branch's first-parent history. */
    public record Commit(String sha, Instant committedAt, OffsetDateTime committerDate, String subject) {
    }

    /** A git operation failed or ran out of time; the message is for the class report. */
    public static final class GitException extends Exception {
        GitException(String message) {
            super(message);
        }
    }

    private final Duration timeout;
    private final String token;

    /** @param token for HTTPS repositories, or null */
    public Git(Duration timeout, String token) {
        this.timeout = timeout;
        this.token = token == null || token.isBlank() ? null : token;
    }

    /** Fetches the repository's default branch (its HEAD) into {@code mirror}, created if missing. */
    public void fetch(String repository, Path mirror) throws GitException, InterruptedException {
        try {
            if (!Files.isDirectory(mirror.resolve("objects"))) {
                Files.createDirectories(mirror);
                git(mirror.getParent(), repository, "init", "--quiet", "--bare", mirror.toString());
            }
        } catch (IOException e) {
            throw new GitException("cannot create " + mirror + ": " + e.getMessage());
        }
        git(mirror, repository, "fetch", "--quiet", "--no-tags", "--force", "--", repository,
                "+HEAD:" + GRADED_REF);
        // Which branch HEAD is: push records name the branch they moved.
        Matcher symref = SYMREF.matcher(git(mirror, repository, "ls-remote", "--symref", "--", repository, "HEAD"));
        try {
            Files.writeString(mirror.resolve(BRANCH_FILE), symref.find() ? symref.group(1) : "", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GitException("cannot write into " + mirror + ": " + e.getMessage());
        }
    }

    /** The default branch's full name ({@code refs/heads/main}) as last fetched; empty when the remote did not say. */
    public Optional<String> branch(Path mirror) {
        try {
            String branch = Files.readString(mirror.resolve(BRANCH_FILE), StandardCharsets.UTF_8).strip();
            return branch.isEmpty() ? Optional.empty() : Optional.of(branch);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One commit, when the mirror has it. */
    public Optional<Commit> commit(Path mirror, String sha) throws InterruptedException {
        if (!sha.matches("[0-9a-f]{40}")) {
            return Optional.empty();
        }
        try {
            return commits(git(mirror, null, "log", "-1", FORMAT, sha, "--")).stream().findFirst();
        } catch (GitException e) {
            return Optional.empty();
        }
    }

    /** Fetches one commit by its SHA (one that a push recorded, gone from the branch since a force push). */
    public void fetchCommit(String repository, Path mirror, String sha) throws GitException, InterruptedException {
        git(mirror, repository, "fetch", "--quiet", "--no-tags", "--", repository, sha);
    }

    /** The first-parent commits of the branch above {@code sha} (not in its history), newest first. */
    public List<Commit> above(Path mirror, String sha) throws GitException, InterruptedException {
        return commits(git(mirror, null, "log", "--first-parent", "-n", Integer.toString(MAX_HISTORY), FORMAT,
                sha + ".." + GRADED_REF, "--"));
    }

    /** The default branch's first-parent history as fetched, newest first. */
    public List<Commit> history(Path mirror) throws GitException, InterruptedException {
        return commits(git(mirror, null, "log", "--first-parent", "-n", Integer.toString(MAX_HISTORY), FORMAT,
                GRADED_REF, "--"));
    }

    private static List<Commit> commits(String log) {
        List<Commit> commits = new ArrayList<>();
        for (String line : log.split("\n")) {
            String[] fields = line.split("\u001f", 4);
            if (fields.length < 3) {
                continue;
            }
            commits.add(new Commit(fields[0], Instant.ofEpochSecond(Long.parseLong(fields[1])),
                    OffsetDateTime.parse(fields[2]), fields.length > 3 ? fields[3] : ""));
        }
        return commits;
    }

    /** Writes the files of {@code sha} into {@code into} (an empty folder), through git archive and tar. */
    public void export(Path mirror, String sha, Path into) throws GitException, InterruptedException {
        Path archive = into.resolveSibling(into.getFileName() + ".tar");
        try {
            Files.createDirectories(into);
            git(mirror, null, "archive", "--format=tar", "--output=" + archive, sha);
            run(into, List.of("tar", "-x", "--no-same-owner", "-f", archive.toString()), Map.of());
        } catch (IOException e) {
            throw new GitException("cannot export " + sha + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(archive);
            } catch (IOException e) {
                // the work folder is removed whole afterwards
            }
        }
    }

    private String git(Path dir, String repository, String... arguments) throws GitException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "protocol.ext.allow=never",
                "-c", "core.hooksPath=/dev/null", "-c", "advice.detachedHead=false"));
        command.addAll(List.of(arguments));
        return run(dir, command, authentication(repository));
    }

    private String run(Path dir, List<String> command, Map<String, String> extra)
            throws GitException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(extra);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        builder.environment().put("LC_ALL", "C");
        BoundedProcess.Result result;
        try {
            result = BoundedProcess.run(builder, timeout);
        } catch (IOException e) {
            throw new GitException("cannot run " + command.get(0) + ": " + e.getMessage());
        }
        String what = command.stream().filter(a -> !a.startsWith("-") && !a.contains("=")).skip(1)
                .findFirst().orElse(command.get(0));
        if (result.timedOut()) {
            throw new GitException(command.get(0) + " " + what + " ran out of its " + timeout.toSeconds() + " s");
        }
        if (result.exitCode() != 0) {
            throw new GitException(command.get(0) + " " + what + " failed: " + redact(result.lastWords(300)));
        }
        return result.output().text();
    }

    /** The token as git's configuration in its environment, for the repository's host only. */
    private Map<String, String> authentication(String repository) {
        if (token == null || repository == null || !repository.regionMatches(true, 0, "https://", 0, 8)) {
            return Map.of();
        }
        URI uri = URI.create(repository);
        String basic = Base64.getEncoder().encodeToString(("x-access-token:" + token).getBytes(StandardCharsets.UTF_8));
        return Map.of("GIT_CONFIG_COUNT", "1",
                "GIT_CONFIG_KEY_0", "http.https://" + uri.getHost() + "/.extraheader",
                "GIT_CONFIG_VALUE_0", "AUTHORIZATION: basic " + basic);
    }

    private String redact(String message) {
        return token == null ? message : message.replace(token, "***");
    }

    /** A repository as it may be shown: a URL without the user and password it may carry. */
    public static String display(String repository) {
        return repository.replaceFirst("(?i)^(https?://)[^/@]*@", "$1");
    }
}
