package io.socketlab.grader.suites.http;

import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP response as the grader read it: status line, header fields in order, and the body its framing
 * delimited (empty for HEAD, 1xx, 204 and 304).
 */
record Response(String statusLine, int status, List<Field> fields, byte[] body) {

    /** One header field line, its name as sent and its value without surrounding whitespace. */
    record Field(String name, String value) {
        @Override
        public String toString() {
            return name + ": " + value;
        }
    }

    /** The first value of a field, its name compared case-insensitively (RFC 9110 §5.1). */
    Optional<String> header(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).findFirst();
    }

    /** Every value of a field, in order. */
    List<String> headers(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).toList();
    }

    /** Whether the server announced it closes the connection after this response ({@code Connection: close}). */
    boolean announcesClose() {
        return headers("Connection").stream().flatMap(v -> Arrays.stream(v.split(",")))
                .anyMatch(t -> t.strip().equalsIgnoreCase("close"));
    }

    /** The media type without parameters, lowercased: {@code text/html}. */
    Optional<String> mediaType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT));
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The status line and fields as a student would read them in a failure: {@code "HTTP/1.1 200 OK" [Date: ...]}. */
    Text describe() {
        String shownFields = fields.size() > 12 ? fields.subList(0, 12) + "..." : fields.toString();
        String head = Bytes.quote(statusLine) + " " + shownFields;
        return body.length == 0 ? Text.format("%s, no body", "%s, sin cuerpo", head)
                : Text.format("%s, body %s", "%s, cuerpo %s", head, Bytes.render(body));
    }
}
