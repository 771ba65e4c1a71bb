package io.socketlab.grader.suites.http;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks on responses of the server under test, each failing with what was expected and what came. */
final class Expect {

    private static final DateTimeFormatter IMF_FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** IMF-fixdate (RFC 9110 §5.6.7): {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final Pattern IMF_FIXDATE = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} "
                    + "[0-9]{2}:[0-9]{2}:[0-9]{2} GMT");

    /** What a traversal attempt must get. */
    static final Text REFUSAL = Text.of("403 or 404 (or 400)", "403 o 404 (o 400)");

    private Expect() {
    }

    static Text step(String en, String es) {
        return Text.of(en, es);
    }

    /** What follows a step: "after the response to GET /", "tras la respuesta a GET /". */
    static Text after(Text step) {
        return Text.of("after " + step.en(), "tras " + step.es());
    }

    /** "status 404" / "estado 404". */
    static Text statusText(int status) {
        return Text.format("status %d", "estado %d", status);
    }

    /** "a Server field" / "un campo Server". */
    static Text aField(String name) {
        return Text.format("a %s field", "un campo %s", name);
    }

    static void status(Response response, int expected, Text step) {
        if (response.status() != expected) {
            throw ConformanceFailure.wrongOutput(step, statusText(expected), response.describe());
        }
    }

    static void body(Response response, byte[] expected, Text step) {
        if (!Arrays.equals(response.body(), expected)) {
            throw ConformanceFailure.wrongOutput(step, Text.format("a body of %d bytes: %s", "un cuerpo de %d bytes: %s",
                    expected.length, Bytes.render(expected)), Bytes.describeDifference(expected, response.body()));
        }
    }

    /** Status 200, exactly {@code expected} as the body, and a Content-Length counting its bytes. */
    static void serves(Response response, byte[] expected, Text step) {
        status(response, 200, step);
        contentLengthOfBody(response, step);
        body(response, expected, step);
    }

    /** A Content-Length field equal to the number of body bytes received. */
    static void contentLengthOfBody(Response response, Text step) {
        long declared = HttpReader.contentLength(response, step);
        if (declared < 0) {
            throw ConformanceFailure.wrongOutput(step, aField("Content-Length"), response.describe());
        }
        if (declared != response.body().length) {
            throw ConformanceFailure.wrongOutput(step, Text.same("Content-Length: " + response.body().length),
                    Text.format("Content-Length: %d for a body of %d bytes",
                            "Content-Length: %d para un cuerpo de %d bytes", declared, response.body().length));
        }
    }

    /** A Content-Length of exactly {@code length}. */
    static void contentLength(Response response, long length, Text step) {
        if (HttpReader.contentLength(response, step) != length) {
            throw ConformanceFailure.wrongOutput(step, Text.same("Content-Length: " + length), response.describe());
        }
    }

    /** A Date in IMF-fixdate, within five minutes of the grader's clock. */
    static void dateIsNow(Response response, Text step) {
        Instant date = imfDate(response, "Date", step);
        Instant now = Instant.now();
        if (date.isBefore(now.minusSeconds(300)) || date.isAfter(now.plusSeconds(300))) {
            throw ConformanceFailure.wrongOutput(step, Text.of("Date: the current time in GMT", "Date: la hora actual en GMT"),
                    Text.same(Bytes.quote("Date: " + response.header("Date").orElse(""))));
        }
    }

    /** A Server field that is not empty. */
    static void namesTheServer(Response response, Text step) {
        if (response.header("Server").map(String::isBlank).orElse(true)) {
            throw ConformanceFailure.wrongOutput(step, Text.of("a Server field naming the server",
                    "un campo Server que nombre al servidor"), response.describe());
        }
    }

    /** A Last-Modified in IMF-fixdate saying {@code modified} in whole seconds. */
    static void lastModified(Response response, Instant modified, Text step) {
        Instant whole = modified.truncatedTo(ChronoUnit.SECONDS);
        if (!imfDate(response, "Last-Modified", step).equals(whole)) {
            String shown = IMF_FORMAT.format(whole);
            throw ConformanceFailure.wrongOutput(step, Text.format("Last-Modified: %s (the file's time, %s, in whole seconds)",
                    "Last-Modified: %s (la hora del fichero, %s, en segundos enteros)", shown, modified),
                    Text.same(Bytes.quote("Last-Modified: " + response.header("Last-Modified").orElse(""))));
        }
    }

    /** HEAD's status and the fields that must equal GET's (RFC 9110 §9.3.2). */
    static void sameAsGet(Response head, Response get, Text step) {
        if (head.status() != get.status()) {
            throw ConformanceFailure.wrongOutput(step, Text.format("status %d, as for GET", "estado %d, como para GET",
                    get.status()), head.describe());
        }
        for (String field : List.of("Content-Length", "Content-Type", "Last-Modified")) {
            if (!head.header(field).equals(get.header(field))) {
                throw ConformanceFailure.wrongOutput(step, Text.format("%s: %s, as for GET", "%s: %s, como para GET", field,
                        get.header(field).orElse("(none)")),
                        Text.same(Bytes.quote(field + ": " + head.header(field).orElse("(none)"))));
            }
        }
    }

    /** A 301 whose Location is {@code path}, path-absolute or an absolute URL with that path (HTTP-6). */
    static void redirectsTo(Response response, String path, Text step) {
        status(response, 301, step);
        String location = response.header("Location").orElse("");
        String got = location;
        try {
            got = URI.create(location).getRawPath();
        } catch (IllegalArgumentException e) {
            // Not a URI: reported below as it stands.
        }
        if (!path.equals(got)) {
            throw ConformanceFailure.wrongOutput(step, Text.format("Location: %s (or an absolute URL whose path is %s)",
                    "Location: %s (o una URL absoluta cuya ruta sea %s)", path, path),
                    Text.same(Bytes.quote("Location: " + location)));
        }
    }

    /** The field's value parsed as an IMF-fixdate; fails when absent or in another format. */
    static Instant imfDate(Response response, String field, Text step) {
        Optional<String> value = response.header(field);
        if (value.isEmpty()) {
            throw ConformanceFailure.wrongOutput(step, aField(field), response.describe());
        }
        String date = value.get();
        if (!IMF_FIXDATE.matcher(date).matches()) {
            throw ConformanceFailure.wrongOutput(step,
                    Text.format("%s in IMF-fixdate, such as \"Sun, 06 Nov 1994 08:49:37 GMT\"",
                            "%s en IMF-fixdate, como \"Sun, 06 Nov 1994 08:49:37 GMT\"", field),
                    Text.same(Bytes.quote(field + ": " + date)));
        }
        try {
            return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw ConformanceFailure.wrongOutput(step, Text.format("%s holding a real date (its weekday matching)",
                    "%s con una fecha real (con el día de la semana que le corresponde)", field),
                    Text.same(Bytes.quote(field + ": " + date)));
        }
    }

    /** The response's media type is {@code expected}; {@code text/*} types must also say {@code charset=utf-8}. */
    static void contentType(Response response, String expected, Text step) {
        Optional<String> value = response.header("Content-Type");
        String wanted = expected + (expected.startsWith("text/") ? "; charset=utf-8" : "");
        if (value.isEmpty()) {
            throw ConformanceFailure.wrongOutput(step, Text.same("Content-Type: " + wanted), response.describe());
        }
        String[] parts = value.get().split(";");
        boolean typeMatches = parts[0].strip().equalsIgnoreCase(expected);
        boolean charsetOk = !expected.startsWith("text/") || Arrays.stream(parts).skip(1).map(String::strip)
                .map(p -> p.replace(" ", "").toLowerCase(Locale.ROOT))
                .anyMatch(p -> p.equals("charset=utf-8") || p.equals("charset=\"utf-8\""));
        if (!typeMatches || !charsetOk) {
            throw ConformanceFailure.wrongOutput(step, Text.same("Content-Type: " + wanted),
                    Text.same(Bytes.quote("Content-Type: " + value.get())));
        }
    }

    /** {@code Allow} lists exactly GET and HEAD, in any order and spacing. */
    static void allowsGetAndHead(Response response, Text step) {
        Optional<String> allow = response.header("Allow");
        Set<String> methods = allow.map(v -> Arrays.stream(v.split(",")).map(String::strip)
                .filter(m -> !m.isEmpty()).collect(Collectors.toSet())).orElse(Set.of());
        if (!methods.equals(Set.of("GET", "HEAD"))) {
            throw ConformanceFailure.wrongOutput(step, Text.same("Allow: GET, HEAD"), allow.isEmpty() ? response.describe()
                    : Text.same(Bytes.quote("Allow: " + allow.get())));
        }
    }

    /** No {@code Connection: close}: the connection stays open for the next request (HTTP-9). */
    static void keepsTheConnection(Response response, Text step) {
        if (response.announcesClose()) {
            throw ConformanceFailure.wrongOutput(step, Text.of("the connection kept open (no Connection: close)",
                    "la conexión abierta (sin Connection: close)"), response.describe());
        }
    }

    /**
     * A refusal (400, 403, 404), or a 200 or 301 that reveals nothing from outside the root: neither the secret beside
     * it nor the system's password file (HTTP-14).
     */
    static void revealsNothingOutside(Response response, Text step) {
        String body = new String(response.body(), StandardCharsets.ISO_8859_1);
        if (body.contains(Site.SECRET_MARKER) || body.contains("root:x:0:0") || body.contains("root:*:0:0")) {
            throw ConformanceFailure.integrity(step, Text.of("nothing from outside --root", "nada de fuera de --root"),
                    Text.format("the content of a file outside the root: %s",
                            "el contenido de un fichero fuera de la raíz: %s", response.describe()));
        }
        if (!Set.of(400, 403, 404, 200, 301).contains(response.status())) {
            throw ConformanceFailure.wrongOutput(step, REFUSAL, response.describe());
        }
    }

    /** An error page: Content-Type text/html, a short HTML body, and its length in Content-Length (HTTP-17). */
    static void htmlPage(Response response, Text step) {
        if (!response.mediaType().equals(Optional.of("text/html")) || !response.bodyText().contains("<")) {
            throw ConformanceFailure.wrongOutput(step, Text.of("Content-Type: text/html and a short HTML body",
                    "Content-Type: text/html y un cuerpo HTML corto"), response.describe());
        }
        contentLengthOfBody(response, step);
    }
}
