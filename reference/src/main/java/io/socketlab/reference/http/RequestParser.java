package io.socketlab.reference.http;

import io.socketlab.reference.http.ConnectionInput.LineTooLongException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one request head (request line and header fields, RFC 9112 sections 2 to 5) and refuses,
 * with the right status, every head that is malformed or too large.
 */
final class RequestParser {

    static final int MAX_REQUEST_LINE_BYTES = 8192; // HTTP-13
    static final int MAX_HEADER_BYTES = 16384;
    static final int MAX_HEADER_FIELDS = 100;

    // Compiled once: String.matches would compile its pattern again on every request.
    private static final Pattern VERSION = Pattern.compile("HTTP/[0-9]\\.[0-9]");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:%\\[\\]-]*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private RequestParser() {
    }

    /**
     * The next request head on {@code input}, or null if the client closed the connection between
     * requests.
     *
     * @throws HttpError when the head is malformed (400), too long (414, 431) or of another HTTP version (505)
     * @throws IOException when the connection fails or ends in the middle of the head
     */
    static RequestHead read(ConnectionInput input) throws HttpError, IOException {
        byte[] requestLine;
        try {
            requestLine = input.readLine(MAX_REQUEST_LINE_BYTES);
            // RFC 9112, 2.2: ignore one empty line before a request (some clients send CRLF after a body).
            if (requestLine != null && requestLine.length == 0) {
                requestLine = input.readLine(MAX_REQUEST_LINE_BYTES);
            }
        } catch (LineTooLongException e) {
            throw new HttpError(Status.URI_TOO_LONG, "request line over " + MAX_REQUEST_LINE_BYTES + " bytes");
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = ascii(requestLine, requestLine.length).split(" ", -1);
        if (parts.length != 3 || !isToken(parts[0]) || !isTarget(parts[1])) {
            throw new HttpError(Status.BAD_REQUEST, "malformed request line");
        }
        int minorVersion = version(parts[2]);
        List<RequestHead.Field> fields = readFields(input);
        RequestHead head = new RequestHead(parts[0], parts[1], minorVersion, fields);
        checkFraming(head);
        return head;
    }

    /** HTTP-12: 1.0 and 1.1 are served, another well-formed {@code HTTP/x.y} is 505, the rest 400. */
    private static int version(String version) throws HttpError {
        if (!VERSION.matcher(version).matches()) {
            throw new HttpError(Status.BAD_REQUEST, "malformed HTTP version");
        }
        if (version.equals("HTTP/1.1")) {
            return 1;
        } else if (version.equals("HTTP/1.0")) {
            return 0;
        }
        throw new HttpError(Status.VERSION_NOT_SUPPORTED, version + " is not supported");
    }

    /** HTTP-11, HTTP-13: {@code name: value} lines up to the empty line, within the limits. */
    private static List<RequestHead.Field> readFields(ConnectionInput input) throws HttpError, IOException {
        List<RequestHead.Field> fields = new ArrayList<>();
        int bytesLeft = MAX_HEADER_BYTES;
        while (true) {
            byte[] line;
            try {
                line = input.readLine(bytesLeft);
            } catch (LineTooLongException e) {
                throw new HttpError(Status.HEADER_FIELDS_TOO_LARGE, "header section over " + MAX_HEADER_BYTES + " bytes");
            }
            if (line == null) {
                throw new EOFException("the connection ended in the middle of a request head");
            }
            if (line.length == 0) {
                return fields;
            }
            if (fields.size() == MAX_HEADER_FIELDS) {
                throw new HttpError(Status.HEADER_FIELDS_TOO_LARGE, "more than " + MAX_HEADER_FIELDS + " header fields");
            }
            bytesLeft -= line.length;
            fields.add(field(line));
        }
    }

    /** One field line, {@code name ":" OWS value OWS} (RFC 9112, 5). */
    private static RequestHead.Field field(byte[] line) throws HttpError {
        int colon = indexOf(line, (byte) ':');
        // No whitespace before the colon (and so no obsolete line folding either): RFC 9112, 5.1, 5.2.
        String name = colon < 0 ? "" : ascii(line, colon);
        if (!isToken(name)) {
            throw new HttpError(Status.BAD_REQUEST, "malformed header field");
        }
        int start = colon + 1;
        int end = line.length;
        while (start < end && isWhitespace(line[start])) {
            start++;
        }
        while (end > start && isWhitespace(line[end - 1])) {
            end--;
        }
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            int b = line[i] & 0xff;
            // Controls (NUL, a bare CR, DEL...) never belong in a value; SP and HTAB do.
            if ((b < 0x20 && b != '\t') || b == 0x7f) {
                throw new HttpError(Status.BAD_REQUEST, "control character in header field " + name);
            }
            ascii &= b < 0x80;
        }
        String value = ascii
                ? new String(line, start, end - start, StandardCharsets.US_ASCII)
                : utf8(line, start, end - start);
        return new RequestHead.Field(name, value);
    }

    /** Host (RFC 9112, 3.2) and the body's framing (RFC 9112, 6.3): the cases that are never guessed at. */
    private static void checkFraming(RequestHead head) throws HttpError {
        List<String> hosts = head.values("Host");
        if (hosts.size() > 1 || (head.minorVersion == 1 && hosts.isEmpty())) {
            throw new HttpError(Status.BAD_REQUEST, "HTTP/1.1 needs exactly one Host field");
        }
        if (!hosts.isEmpty() && !HOST.matcher(hosts.get(0)).matches()) {
            throw new HttpError(Status.BAD_REQUEST, "malformed Host");
        }
        List<String> lengths = head.values("Content-Length");
        if (!lengths.isEmpty() && head.value("Transfer-Encoding") != null) {
            throw new HttpError(Status.BAD_REQUEST, "both Content-Length and Transfer-Encoding");
        }
        for (String length : lengths) {
            if (!DIGITS.matcher(length).matches() || !length.equals(lengths.get(0))) {
                throw new HttpError(Status.BAD_REQUEST, "invalid Content-Length");
            }
        }
    }

    /** The length of the body that follows the head: 0 unless {@code Content-Length} says otherwise. */
    static long contentLength(RequestHead head) {
        String length = head.value("Content-Length");
        return length == null ? 0 : Long.parseLong(length);
    }

    /** {@code tchar}s only, at least one (RFC 9110, 5.6.2): methods and field names. */
    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return true;
    }

    /** Visible ASCII only, at least one character, no fragment: the target is checked in detail later. */
    private static boolean isTarget(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '#') {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Bytes above 0x7F become U+FFFD, which no valid method, target or name contains. */
    private static String ascii(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    /** A field value must be valid UTF-8 (plain ASCII almost always). */
    private static String utf8(byte[] bytes, int offset, int length) throws HttpError {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new HttpError(Status.BAD_REQUEST, "header field value is not UTF-8");
        }
    }
}
