package io.socketlab.reference.http;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/** The HTTP client: one GET (or HEAD) of an {@code http://} URL, the body written to stdout. */
public final class HttpClient {

    private static final String PROGRAM = "http client";
    private static final String USAGE = "HttpClient [--head] [--include] URL";
    private static final String USER_AGENT = "socketlab-http-client/1.0";
    private static final int SILENCE_TIMEOUT_MS = 10_000; // HTTP-24
    private static final Logger LOG = Logger.getLogger(HttpClient.class.getName());

    private HttpClient() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of(), Set.of("--head", "--include"));
            List<String> positionals = args.positionals();
            if (positionals.size() != 1) {
                throw args.usageError("expected one URL");
            }
            URI url = parseUrl(positionals.get(0), args);
            int status = fetch(url, args.flag("--head"), args.flag("--include"));
            if (status >= 400) {
                // HTTP-23: the body has been written all the same.
                throw Failure.refused("the server answered " + status);
            }
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        }
    }

    /** Only {@code http://host[:port][/path][?query]} URLs. */
    private static URI parseUrl(String text, Args args) throws Failure {
        try {
            URI url = new URI(text);
            if (url.getScheme() == null || !url.getScheme().toLowerCase(Locale.ROOT).equals("http")
                    || url.getHost() == null) {
                throw args.usageError("not an http:// URL: " + text);
            }
            return url;
        } catch (URISyntaxException e) {
            throw args.usageError("not a valid URL: " + e.getMessage());
        }
    }

    /** Sends the request, writes the answer to stdout, and returns the final status code. */
    private static int fetch(URI url, boolean head, boolean include) throws Failure {
        int port = url.getPort() == -1 ? 80 : url.getPort();
        InetSocketAddress server = new InetSocketAddress(url.getHost(), port);
        if (server.isUnresolved()) {
            throw Failure.incomplete("unknown host " + url.getHost());
        }
        OutputStream stdout = new BufferedOutputStream(System.out, 64 * 1024);
        try (Socket socket = new Socket()) {
            try {
                socket.connect(server, SILENCE_TIMEOUT_MS);
            } catch (IOException e) {
                throw Failure.incomplete("cannot connect to " + url.getHost() + ":" + port + ": " + e.getMessage());
            }
            socket.setSoTimeout(SILENCE_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            LOG.fine(() -> (head ? "HEAD " : "GET ") + url + " from " + socket.getRemoteSocketAddress());
            out.write(request(url, head).getBytes(StandardCharsets.UTF_8)); // one write: one segment
            out.flush();
            ResponseReader response = new ResponseReader(new BufferedInputStream(socket.getInputStream()));
            int status = response.readHead(include ? stdout : OutputStream.nullOutputStream());
            LOG.fine(() -> "the server answered " + status);
            if (!head) {
                response.copyBody(stdout);
            }
            return status;
        } catch (SocketTimeoutException e) {
            throw Failure.incomplete("no data from the server for " + SILENCE_TIMEOUT_MS / 1000 + " s");
        } catch (IOException e) {
            throw Failure.incomplete(e.getMessage());
        } finally {
            flushQuietly(stdout); // what arrived before a failure is written out too
        }
    }

    /** HTTP-20: the request line and the fields every request carries, each line ending in CRLF. */
    private static String request(URI url, boolean head) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        String authority = url.getRawAuthority();
        String host = authority.substring(authority.indexOf('@') + 1); // never send user:password@
        return (head ? "HEAD " : "GET ") + path + query + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "Accept: */*\r\n"
                + "Connection: close\r\n"
                + "\r\n";
    }

    private static void flushQuietly(OutputStream stdout) {
        try {
            stdout.flush();
        } catch (IOException e) {
            System.err.println(PROGRAM + ": cannot write to stdout: " + e.getMessage());
        }
    }
}
