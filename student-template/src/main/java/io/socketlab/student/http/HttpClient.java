package io.socketlab.student.http;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/** The HTTP client: one GET (or HEAD) of an {@code http://} URL, the body written to stdout. */
public final class HttpClient {

    private static final Logger LOG = Logger.getLogger(HttpClient.class.getName());

    private static final String PROGRAM = "http client";
    private static final String USAGE = "HttpClient [--head] [--include] URL";
    private static final int SILENCE_TIMEOUT_MS = 10_000; // HTTP-24

    private HttpClient() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of(), Set.of("--head", "--include"));
            List<String> positionals = args.positionals();
            if (positionals.size() != 1) {
                throw args.usageError("expected one URL");
            }
            int status = fetch(positionals.get(0), args.flag("--head"), args.flag("--include"));
            if (status >= 400) {
                throw Failure.refused("the server answered " + status); // HTTP-23
            }
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/http.md)");
            System.exit(1);
        }
    }

    /**
     * Sends the request, writes the answer to stdout, and returns the final status code.
     *
     * @throws Failure {@code Failure.usage} for a URL that is not http://, {@code Failure.incomplete}
     *     (exit 2) for everything HTTP-23 and HTTP-24 list
     */
    private static int fetch(String url, boolean head, boolean include) throws Failure {
        // TODO: new URI(url): scheme "http", a host; the port is 80 unless given.
        // TODO(HTTP-23): connect with a timeout; a refused connection is Failure.incomplete.
        //   setSoTimeout(SILENCE_TIMEOUT_MS): a SocketTimeoutException is Failure.incomplete (HTTP-24).
        // TODO(HTTP-20): send, in one write, "GET <path>[?<query>] HTTP/1.1" (HEAD with --head;
        //   "/" when the URL has no path), Host (with the port if the URL has one), User-Agent,
        //   "Connection: close", each line ending in CRLF, then an empty line.
        // TODO(HTTP-21, HTTP-22): new ResponseReader(new BufferedInputStream(...)): readHead (its
        //   bytes go to stdout with --include), then, unless --head, copyBody to stdout. Write
        //   stdout as BYTES (a BufferedOutputStream around System.out) and flush it before exiting.
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }
}
