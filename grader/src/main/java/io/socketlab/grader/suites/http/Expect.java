package io.socketlab.grader.suites.http;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks on responses of the server under test, each failing with what was expected and what came. */
final class Expect {

    /** IMF-fixdate (RFC 9110 §5.6.7): {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final Pattern IMF_FIXDATE = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} "
                    + "[0-9]{2}:[0-9]{2}:[0-9]{2} GMT");

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

    /** Whether the body reveals the secret kept outside the root, or the system's password file. */
    static boolean leaks(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.contains(Site.SECRET_MARKER) || text.contains("root:x:0:0") || text.contains("root:*:0:0");
    }
}
