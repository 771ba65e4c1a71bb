package io.socketlab.grader.regrade;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches a GitHub repository's push records (the REST API's repository activity, every page) into a file that
 * {@link PushLog} reads. Only for {@code https://github.com/OWNER/REPO} repositories; the token, when given, goes
 * in the request's Authorization header and nowhere else.
 */
final class GitHubActivity {

    private static final Pattern REPOSITORY = Pattern.compile("(?i)https://github\\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(\\.git)?/?");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final int MAX_PAGES = 30;

    private final HttpClient client;
    private final String api;
    private final String token;
    private final Duration timeout;

    /** @param api the REST API's address: {@code https://api.github.com}, a GitHub Enterprise's, or a test's */
    GitHubActivity(String api, String token, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.api = api.replaceAll("/+$", "");
        this.token = token;
        this.timeout = timeout;
    }

    /** {@code OWNER/REPO} of a GitHub repository URL, or empty when it is not one. */
    static Optional<String> ownerAndName(String repository) {
        Matcher m = REPOSITORY.matcher(repository);
        return m.matches() ? Optional.of(m.group(1) + "/" + m.group(2)) : Optional.empty();
    }

    /** Writes every page of the repository's activity on {@code ref} into {@code file} (whole, or not at all). */
    void fetch(String ownerAndName, String ref, Path file) throws Git.GitException, InterruptedException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        String next = api + "/repos/" + ownerAndName + "/activity?per_page=100&ref=" + ref;
        try (OutputStream out = Files.newOutputStream(partial)) {
            for (int page = 0; next != null; page++) {
                if (page == MAX_PAGES) {
                    throw new Git.GitException("GitHub's activity of " + ownerAndName + " has more than " + MAX_PAGES
                            + " pages");
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(next)).timeout(timeout)
                        .header("Accept", "application/vnd.github+json")
                        .header("X-GitHub-Api-Version", "2022-11-28");
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new Git.GitException("GitHub's activity of " + ownerAndName + " answered HTTP "
                            + response.statusCode());
                }
                out.write(response.body());
                out.write('\n');
                next = response.headers().firstValue("link").map(NEXT::matcher).filter(Matcher::find)
                        .map(m -> m.group(1)).orElse(null);
            }
            out.close();
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new Git.GitException("cannot read GitHub's activity of " + ownerAndName + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // the regrade's folder keeps a stray .partial file, which nothing reads
            }
        }
    }
}
