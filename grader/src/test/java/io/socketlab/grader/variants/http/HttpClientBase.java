package io.socketlab.grader.variants.http;

import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Correct HTTP/1.1 client ({@code [--head] [--include] URL}), independent of the reference; each broken variant
 * overrides exactly one of the package-private hooks below.
 */
abstract class HttpClientBase {

    /** The conversation could not be completed: exit 2 with this message. */
    static final class Broken extends IOException {
        private static final long serialVersionUID = 1L;

        Broken(String message) {
            super(message);
        }
    }

    final void run(String[] argv) {
        Args args = VariantSupport.parse(argv, Set.of(), Set.of("--head", "--include"));
        if (args.positional().size() != 1) {
            VariantSupport.die(2, "usage: client [--head] [--include] URL");
        }
        URI url = null;
        try {
            url = new URI(args.positional().get(0));
        } catch (URISyntaxException e) {
            VariantSupport.die(2, "usage error: not a URL: " + e.getMessage());
        }
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            VariantSupport.die(2, "usage error: only http:// URLs");
        }
        boolean head = args.has("--head");
        int port = url.getPort() < 0 ? 80 : url.getPort();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = path + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String host = url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        PrintStream stdout = System.out;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), 10_000);
            socket.setSoTimeout(10_000);
            if (totalTimeout()) {
                closeAfterTenSeconds(socket);
            }
            OutputStream out = socket.getOutputStream();
            String end = lineEnd();
            out.write(("" + (head ? "HEAD" : "GET") + " " + target + " HTTP/1.1" + end + "Host: " + host + end
                    + "User-Agent: socketlab-variant" + end + "Connection: close" + end + end)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = responseInput(socket.getInputStream());
            int status;
            String statusLine;
            StringBuilder fields;
            do {
                statusLine = line(in);
                if (statusLine == null || !statusLine.matches("HTTP/1\\.[01] [0-9]{3}( .*)?")) {
                    throw new Broken("not an HTTP response: " + statusLine);
                }
                status = Integer.parseInt(statusLine.substring(9, 12));
                fields = new StringBuilder();
                for (String field = line(in); ; field = line(in)) {
                    if (field == null) {
                        throw new Broken("the server closed inside the response head");
                    }
                    if (field.isEmpty()) {
                        break;
                    }
                    if (field.indexOf(':') <= 0) {
                        throw new Broken("not a header field: " + field);
                    }
                    fields.append(field).append("\r\n");
                }
            } while (status / 100 == 1);
            if (args.has("--include")) {
                stdout.write((statusLine + "\r\n" + fields + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            // Field names are compared case-insensitively: the names are looked up in lower case.
            String lookedUp = fieldNamesIgnoreCase() ? fields.toString().toLowerCase(Locale.ROOT) : fields.toString();
            String transferEncoding = fieldNamesIgnoreCase() ? "transfer-encoding:" : "Transfer-Encoding:";
            String contentLength = fieldNamesIgnoreCase() ? "content-length:" : "Content-Length:";
            if ((!head || readsBodyAfterHead()) && status != 204 && status != 304) {
                boolean chunked = lookedUp.matches("(?s)(.*\r\n)?" + transferEncoding + "[^\r]*(?i:chunked)\r\n.*");
                if (chunked && decodesChunked()) {
                    chunked(in, stdout);
                } else {
                    long length = -1;
                    for (String field : lookedUp.split("\r\n")) {
                        if (field.startsWith(contentLength)) {
                            try {
                                length = Long.parseLong(field.substring(15).strip());
                            } catch (NumberFormatException e) {
                                throw new Broken("not a Content-Length: " + field);
                            }
                        }
                    }
                    if (length >= 0 && !lookedUp.contains(transferEncoding)) {
                        copy(in, stdout, length);
                    } else {
                        in.transferTo(stdout);
                    }
                }
            }
            stdout.write(afterBody());
            stdout.flush();
            if (status >= 400) {
                onErrorStatus(statusLine);
            }
        } catch (SocketTimeoutException e) {
            VariantSupport.die(2, "no answer from the server within 10 s");
        } catch (IOException e) {
            VariantSupport.die(2, "the conversation failed: " + e.getMessage());
        }
        System.exit(0);
    }

    /** Decodes {@code Transfer-Encoding: chunked}. */
    boolean decodesChunked() {
        return true;
    }

    /** The response is read from the socket through one buffered input. */
    InputStream responseInput(InputStream socketInput) throws IOException {
        return new BufferedInputStream(socketInput);
    }

    /** A short read of a body is not its end. */
    boolean stopsAtShortRead() {
        return false;
    }

    /** Header field names are compared case-insensitively. */
    boolean fieldNamesIgnoreCase() {
        return true;
    }

    /** With --head no body is read, whatever Content-Length says. */
    boolean readsBodyAfterHead() {
        return false;
    }

    /** The 10 s limit is per read, not for the whole exchange. */
    boolean totalTimeout() {
        return false;
    }

    /** What ends each line of the request. */
    String lineEnd() {
        return "\r\n";
    }

    /** Written after the body: nothing. */
    byte[] afterBody() {
        return new byte[0];
    }

    /** A final status from 400 on: exit 1 with one line on stderr. */
    void onErrorStatus(String statusLine) {
        VariantSupport.die(1, "the server answered " + statusLine);
    }

    private static void closeAfterTenSeconds(Socket socket) {
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(10_000); // The mistake itself: one deadline for the whole exchange.
                socket.close();
            } catch (InterruptedException | IOException e) {
                // The exchange ended first.
            }
        }, "total-timeout");
        timer.setDaemon(true);
        timer.start();
    }

    /** One line without CRLF, or null at end of stream before any byte. */
    static String line(InputStream in) throws IOException {
        byte[] raw = VariantSupport.readLine(in, 65536, true);
        return raw == null ? null : new String(VariantSupport.stripCr(raw), StandardCharsets.ISO_8859_1);
    }

    private void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[stopsAtShortRead() ? 1024 : 1 << 16];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new Broken("the body was cut short: " + (length - left) + " of " + length + " bytes");
            }
            out.write(buffer, 0, n);
            left -= n;
            if (stopsAtShortRead() && n < buffer.length) {
                return;
            }
        }
    }

    private void chunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new Broken("the chunked body was cut short");
            }
            long n;
            try {
                n = Long.parseLong(size.split(";", 2)[0].strip(), 16);
            } catch (NumberFormatException e) {
                throw new Broken("not a chunk size: " + size);
            }
            if (n == 0) {
                break;
            }
            copy(in, out, n);
            if (!"".equals(line(in))) {
                throw new Broken("a chunk does not end with CRLF");
            }
        }
        for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
            // Trailer fields are not printed.
        }
    }
}
