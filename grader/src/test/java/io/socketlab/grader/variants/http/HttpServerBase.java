package io.socketlab.grader.variants.http;

import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Correct HTTP/1.1 static file server, small and independent of the reference (thread per connection, a 10 s
 * deadline per request head); each broken variant overrides exactly one of the package-private hooks below.
 */
abstract class HttpServerBase {

    /** A request refused with an error status; the connection is then closed. */
    static final class Refusal extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refusal(int status) {
            super("status " + status);
            this.status = status;
        }
    }

    /** A parsed request head. */
    record Request(String method, String target, String version, Map<String, List<String>> fields, long bodyLength) {
        List<String> field(String name) {
            return fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        boolean hasToken(String field, String token) {
            return field(field).stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                    .anyMatch(t -> t.strip().equalsIgnoreCase(token));
        }
    }

    static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** {@code http://authority/path?query}: the path and query are used, the authority ignored. */
    static final Pattern ABSOLUTE_FORM = Pattern.compile("(?i:http)://[^/?#]*(/[^?#]*)?((?:\\?.*)?)");
    static final Pattern VERSION = Pattern.compile("HTTP/[0-9]\\.[0-9]");
    static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("ico", "image/x-icon"));
    static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(301, "Moved Permanently"),
            Map.entry(304, "Not Modified"), Map.entry(400, "Bad Request"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(414, "URI Too Long"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(501, "Not Implemented"),
            Map.entry(505, "HTTP Version Not Supported"));

    Path root;

    final void run(String[] argv) throws IOException {
        Args args = VariantSupport.parse(argv, Set.of("--port", "--host", "--root"), Set.of());
        int port = args.port();
        String folder = args.get("--root", null);
        if (folder == null || !Files.isDirectory(Path.of(folder))) {
            VariantSupport.die(2, "usage error: --root DIR must name a folder");
        }
        root = Path.of(folder).toRealPath();
        if (exitsZeroOnSigterm()) {
            VariantSupport.exitZeroOnSigterm();
        }
        try (ServerSocket server = VariantSupport.listen(args.get("--host", null), port)) {
            while (true) {
                Socket socket = server.accept();
                dispatch(() -> serve(socket));
            }
        }
    }

    // ---- hooks ----

    /** Runs one connection's session: on its own thread. */
    void dispatch(Runnable session) {
        new Thread(session, "http-connection").start();
    }

    /** The longest request line accepted, in bytes without CRLF. */
    int maxRequestLine() {
        return 8192;
    }

    /** A request line that is not three words separated by single spaces. */
    void wrongWordCount(String line) throws Refusal {
        throw new Refusal(400);
    }

    /** A well-formed version other than 1.0 and 1.1 is refused with 505. */
    boolean refusesOtherVersions() {
        return true;
    }

    /** HTTP/1.1 needs exactly one Host. */
    boolean checksHost() {
        return true;
    }

    /** Whether the connection stays open after answering {@code request}. */
    boolean keepsAlive(Request request) {
        return request.version().equals("HTTP/1.1") ? !request.hasToken("Connection", "close")
                : request.hasToken("Connection", "keep-alive");
    }

    /** The file a decoded-or-not target path names, or a refusal: decodes, then checks every segment. */
    Path resolve(String rawPath) throws IOException {
        String path = percentDecode(rawPath);
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            throw new Refusal(404);
        }
        Path file = root;
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                throw new Refusal(403);
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                file = file.resolve(segment);
            }
        }
        return confined(file);
    }

    /** Sends HEAD responses without a body. */
    boolean sendsBodyForHead() {
        return false;
    }

    /** The Content-Length of a file of {@code size} bytes. */
    long declaredLength(Path file, long size) throws IOException {
        return size;
    }

    /** Answers 304 to a matching If-Modified-Since. */
    boolean honoursIfModifiedSince() {
        return true;
    }

    /** Whether a file modified at {@code fileTime} is newer than If-Modified-Since's {@code since} (whole seconds). */
    boolean modifiedSince(Instant fileTime, Instant since) {
        return fileTime.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
    }

    /** Handles SIGTERM with exit code 0. */
    boolean exitsZeroOnSigterm() {
        return true;
    }

    /** The input the next request is read from: the connection's one buffered input. */
    InputStream requestInput(Socket socket, InputStream connectionInput) throws IOException {
        return connectionInput;
    }

    /** The timeout of the next read of a request head: what is left of the head's deadline. */
    int readTimeout(long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("request head not complete within 10 s");
        }
        return (int) left;
    }

    /** A field line's name and value: the name a token right before the colon, the value stripped. */
    String[] field(String line) throws Refusal {
        int colon = line.indexOf(':');
        String name = colon < 0 ? "" : line.substring(0, colon);
        if (!TOKEN.matcher(name).matches()) {
            throw new Refusal(400);
        }
        return new String[] {name, line.substring(colon + 1).strip()};
    }

    /** The value of Content-Length: ASCII digits only. */
    long contentLength(String value) throws Refusal {
        if (!value.matches("[0-9]{1,15}")) {
            throw new Refusal(400);
        }
        return Long.parseLong(value);
    }

    /** How many body bytes to read and drop before answering. */
    long bodyToDiscard(Request request) {
        return request.bodyLength();
    }

    /** How dates are written: IMF-fixdate. */
    DateTimeFormatter dates() {
        return IMF_FIXDATE;
    }

    /** The extension that decides a file's type: after the last dot, in lower case. */
    String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A directory named without its trailing slash is redirected. */
    boolean redirectsDirectories() {
        return true;
    }

    /** What ends each line of a response head. */
    String lineEnd() {
        return "\r\n";
    }

    /** The HTML page of an error status. */
    String html(int status) {
        return "<!DOCTYPE html>\n<html><body><h1>" + status + " " + REASONS.get(status) + "</h1></body></html>\n";
    }

    /** The Content-Length of an error page: its bytes. */
    long errorPageLength(String page) {
        return bytes(page).length;
    }

    // ---- the connection ----

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            while (true) {
                Request request;
                in = requestInput(socket, in);
                try {
                    request = readRequest(socket, in, System.nanoTime() + 10_000_000_000L);
                } catch (Refusal r) {
                    error(out, r.status, false, false);
                    out.flush();
                    VariantSupport.closeGracefully(socket);
                    return;
                }
                if (request == null) {
                    return;
                }
                boolean keep = keepsAlive(request);
                try {
                    discard(in, bodyToDiscard(request));
                    respond(request, out, keep);
                } catch (Refusal r) {
                    error(out, r.status, request.method().equals("HEAD"), keep);
                }
                out.flush();
                if (!keep) {
                    VariantSupport.closeGracefully(socket);
                    return;
                }
            }
        } catch (IOException e) {
            // Timeout, reset or disconnect: this connection ends, the server goes on.
        }
    }

    /** Reads one request head before {@code deadline}; null at a clean end of stream before any byte. */
    private Request readRequest(Socket socket, InputStream in, long deadline) throws IOException {
        byte[] line;
        do {
            line = readLine(socket, in, deadline, maxRequestLine(), 414);
            if (line == null) {
                return null;
            }
        } while (line.length == 0);
        String requestLine = ascii(line);
        String[] words = requestLine.split(" ", -1);
        if (words.length != 3) {
            wrongWordCount(requestLine);
        }
        java.util.regex.Matcher absolute = ABSOLUTE_FORM.matcher(words[1]);
        if (absolute.matches()) {
            words[1] = (absolute.group(1) == null ? "/" : absolute.group(1)) + absolute.group(2);
        }
        if (!TOKEN.matcher(words[0]).matches() || !words[1].startsWith("/") || !VERSION.matcher(words[2]).matches()) {
            throw new Refusal(400);
        }
        String version = words[2];
        if (!version.equals("HTTP/1.0") && !version.equals("HTTP/1.1")) {
            if (refusesOtherVersions()) {
                throw new Refusal(505);
            }
            version = "HTTP/1.1";
        }
        Map<String, List<String>> fields = new java.util.HashMap<>();
        int count = 0;
        int bytes = 0;
        while (true) {
            byte[] raw = readLine(socket, in, deadline, 16384, 431);
            if (raw == null) {
                throw new IOException("end of stream inside the head");
            }
            if (raw.length == 0) {
                break;
            }
            bytes += raw.length;
            if (++count > 100 || bytes > 16384) {
                throw new Refusal(431);
            }
            String[] field = field(fieldLine(raw));
            fields.computeIfAbsent(field[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(field[1]);
        }
        Request request = new Request(words[0], words[1], version, fields, 0);
        if (checksHost() && version.equals("HTTP/1.1") && request.field("Host").size() != 1) {
            throw new Refusal(400);
        }
        List<String> lengths = request.field("Content-Length").stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",", -1))).map(String::strip).distinct().toList();
        if (!lengths.isEmpty() && !request.field("Transfer-Encoding").isEmpty()) {
            throw new Refusal(400);
        }
        if (!request.field("Transfer-Encoding").isEmpty()) {
            throw new Refusal(501);
        }
        if (lengths.size() > 1) {
            throw new Refusal(400);
        }
        long length = lengths.isEmpty() ? 0 : contentLength(lengths.get(0));
        return new Request(words[0], words[1], version, fields, length);
    }

    /** A request line: visible ASCII and single spaces only. */
    private static String ascii(byte[] line) throws Refusal {
        for (byte b : line) {
            if (b < 0x20 || b == 0x7f) {
                throw new Refusal(400);
            }
        }
        return new String(line, StandardCharsets.ISO_8859_1);
    }

    /** A field line: no leading whitespace (obs-fold), no control bytes but HTAB; obs-text allowed in values. */
    private static String fieldLine(byte[] raw) throws Refusal {
        if (raw[0] == ' ' || raw[0] == '\t') {
            throw new Refusal(400);
        }
        for (byte b : raw) {
            if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7f) {
                throw new Refusal(400);
            }
        }
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    /**
     * One line before {@code deadline}, without its CRLF (a lone LF is accepted, a bare CR is not); null at end of
     * stream before any byte; {@code tooLong} once it passes {@code max} bytes.
     */
    private byte[] readLine(Socket socket, InputStream in, long deadline, int max, int tooLong)
            throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean cr = false;
        while (true) {
            if (in.available() == 0) {
                socket.setSoTimeout(readTimeout(deadline));
            }
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0 && !cr) {
                    return null;
                }
                throw new IOException("end of stream inside a line");
            }
            if (b == '\n') {
                return line.toByteArray();
            }
            if (cr) {
                throw new Refusal(400);
            }
            if (b == '\r') {
                cr = true;
                continue;
            }
            if (line.size() >= max) {
                throw new Refusal(tooLong);
            }
            line.write(b);
        }
    }

    private static void discard(InputStream in, long length) throws IOException {
        long left = length;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("end of stream inside a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private void respond(Request request, OutputStream out, boolean keep) throws IOException {
        boolean head = request.method().equals("HEAD");
        if (!head && !request.method().equals("GET")) {
            throw new Refusal(405);
        }
        String rawPath = request.target().split("\\?", 2)[0];
        Path file = resolve(rawPath);
        if (Files.isDirectory(file)) {
            if (!rawPath.endsWith("/") && redirectsDirectories()) {
                String body = html(301);
                writeHead(out, 301, "text/html; charset=utf-8", errorPageLength(body), keep,
                        "Location: " + rawPath + "/");
                out.write(head ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
                return;
            }
            file = confined(file.resolve("index.html"));
        } else if (rawPath.endsWith("/")) {
            throw new Refusal(404); // a regular file named as a folder
        }
        if (!Files.isRegularFile(file)) {
            throw new Refusal(404);
        }
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        String lastModified = "Last-Modified: " + dates().format(modified.truncatedTo(ChronoUnit.SECONDS));
        Instant since = ifModifiedSince(request);
        if (since != null && !modifiedSince(modified, since)) {
            writeStatusAndCommonFields(out, 304, keep);
            out.write(bytes(lastModified + lineEnd() + lineEnd()));
            return;
        }
        long size = Files.size(file);
        writeHead(out, 200, type(file), declaredLength(file, size), keep, lastModified);
        if (!head || sendsBodyForHead()) {
            try (InputStream content = Files.newInputStream(file)) {
                content.transferTo(out);
            }
        }
    }

    private Instant ifModifiedSince(Request request) {
        List<String> values = request.field("If-Modified-Since");
        if (!honoursIfModifiedSince() || values.size() != 1) {
            return null;
        }
        try {
            return ZonedDateTime.parse(values.get(0), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The file if its real path stays inside the root (no symbolic link leads out); 404 when it does not exist. */
    final Path confined(Path file) throws IOException {
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root)) {
                throw new Refusal(403);
            }
            return real;
        } catch (NoSuchFileException e) {
            throw new Refusal(404);
        } catch (java.nio.file.InvalidPathException | IOException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            throw new Refusal(404);
        }
    }

    /** Decodes %XX escapes as UTF-8; a broken escape or invalid UTF-8 is 400. */
    static String percentDecode(String path) throws Refusal {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
                        || Character.digit(path.charAt(i + 2), 16) < 0) {
                    throw new Refusal(400);
                }
                bytes.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new Refusal(400);
        }
    }

    private String type(Path file) {
        return TYPES.getOrDefault(extension(file.getFileName().toString()), "application/octet-stream");
    }

    private void error(OutputStream out, int status, boolean head, boolean keep) throws IOException {
        String page = html(status);
        writeHead(out, status, "text/html; charset=utf-8", errorPageLength(page), keep,
                status == 405 ? "Allow: GET, HEAD" : null);
        if (!head) {
            out.write(bytes(page));
        }
    }

    private void writeStatusAndCommonFields(OutputStream out, int status, boolean keep) throws IOException {
        String end = lineEnd();
        out.write(bytes("HTTP/1.1 " + status + " " + REASONS.get(status) + end
                + "Date: " + dates().format(Instant.now()) + end + "Server: socketlab-variant" + end
                + (keep ? "" : "Connection: close" + end)));
    }

    private void writeHead(OutputStream out, int status, String type, long length, boolean keep, String extra)
            throws IOException {
        String end = lineEnd();
        writeStatusAndCommonFields(out, status, keep);
        out.write(bytes("Content-Type: " + type + end + "Content-Length: " + length + end
                + (extra == null ? "" : extra + end) + end));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
