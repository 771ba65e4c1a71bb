package io.socketlab.reference.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/** Reads one HTTP response for the client: its head, then its body in whichever framing it uses (HTTP-21). */
final class ResponseReader {

    /** The response cannot be understood as HTTP: the client exits 2. */
    static final class MalformedResponseException extends IOException {
        MalformedResponseException(String message) {
            super(message);
        }
    }

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[0-9] ([1-5][0-9][0-9])(?: .*)?");
    private static final int MAX_LINE_BYTES = 64 * 1024;
    private static final int MAX_FIELDS = 1000;
    private static final Logger LOG = Logger.getLogger(ResponseReader.class.getName());

    private final InputStream in;
    private int status;
    private final List<String> fieldLines = new ArrayList<>();

    ResponseReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the status line and header fields, skipping interim {@code 1xx} responses, and copies
     * the final head's bytes to {@code include} exactly as received. Returns the status code.
     */
    int readHead(OutputStream include) throws IOException {
        do {
            fieldLines.clear();
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            String statusLine = readLine(raw);
            Matcher matcher = STATUS_LINE.matcher(statusLine);
            if (!matcher.matches()) {
                throw new MalformedResponseException("not an HTTP status line: " + quote(statusLine));
            }
            status = Integer.parseInt(matcher.group(1));
            for (String line = readLine(raw); !line.isEmpty(); line = readLine(raw)) {
                if (line.indexOf(':') <= 0 || fieldLines.size() == MAX_FIELDS) {
                    throw new MalformedResponseException("not a header field: " + quote(line));
                }
                fieldLines.add(line);
            }
            if (status >= 200) {
                raw.writeTo(include);
            } else {
                LOG.fine(() -> "an interim " + status + " response: skipped");
            }
        } while (status < 200 && status != 101); // 100 Continue, 103 Early Hints: a final response follows
        if (status == 101) {
            throw new MalformedResponseException("the server switched protocols, which was not asked for");
        }
        return status;
    }

    /** HTTP-21: copies the body to {@code out}, framed by chunks, by Content-Length, or by the close. */
    void copyBody(OutputStream out) throws IOException {
        if (status == 204 || status == 304) {
            return; // never a body (RFC 9112, 6.3)
        }
        String transferEncoding = value("Transfer-Encoding");
        String length = value("Content-Length");
        if (transferEncoding != null) {
            if (transferEncoding.toLowerCase(Locale.ROOT).replace(" ", "").endsWith("chunked")) {
                LOG.fine("the body comes in chunks");
                copyChunked(out);
            } else {
                in.transferTo(out); // a coding we do not decode ends with the connection (RFC 9112, 6.3)
            }
        } else if (length != null) {
            if (!length.matches("[0-9]{1,18}")) {
                throw new MalformedResponseException("invalid Content-Length: " + quote(length));
            }
            LOG.fine(() -> "the body is " + length + " bytes long");
            copyExactly(Long.parseLong(length), out);
        } else {
            LOG.fine("the body ends with the connection");
            in.transferTo(out); // close-delimited
        }
    }

    /** {@code size[;extensions] CRLF data CRLF}, ..., {@code 0 CRLF}, trailer fields, {@code CRLF}. */
    private void copyChunked(OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(null);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            if (!hex.matches("[0-9A-Fa-f]{1,15}")) {
                throw new MalformedResponseException("invalid chunk size: " + quote(sizeLine));
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                break;
            }
            copyExactly(size, out);
            if (!readLine(null).isEmpty()) {
                throw new MalformedResponseException("a chunk does not end with CRLF");
            }
        }
        // Trailer fields: read and ignored, up to the empty line.
        while (!readLine(null).isEmpty()) {
            continue;
        }
    }

    private void copyExactly(long count, OutputStream out) throws IOException {
        byte[] buffer = new byte[(int) Math.min(count, 64 * 1024)];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n == -1) {
                throw new EOFException("the body was cut short: " + (count - left) + " of " + count + " bytes");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** The value of the last field called {@code name}, or null. */
    private String value(String name) {
        String value = null;
        for (String line : fieldLines) {
            int colon = line.indexOf(':');
            if (line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                value = line.substring(colon + 1).trim();
            }
        }
        return value;
    }

    /** A line without its CRLF (or LF); its raw bytes, terminator included, are appended to {@code raw}. */
    private String readLine(ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b == -1) {
                throw line.size() == 0 && raw != null && raw.size() == 0
                        ? new EOFException("the server closed the connection without answering")
                        : new EOFException("the server closed the connection in the middle of a line");
            }
            if (line.size() == MAX_LINE_BYTES) {
                throw new MalformedResponseException("a line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        if (raw != null) {
            raw.write(bytes);
            raw.write('\n');
        }
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static String quote(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return "\"" + shown.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
