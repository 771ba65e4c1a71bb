package io.socketlab.student.http;

/** HTTP-4: the {@code Content-Type} of a file, from its extension. */
final class MimeTypes {

    static final String HTML = "text/html; charset=utf-8";

    private MimeTypes() {
    }

    /** The type of {@code fileName}: extensions compare case-insensitively ({@code LOGO.PNG} is a PNG). */
    static String of(String fileName) {
        // TODO(HTTP-4): a Map from extension (lower case, Locale.ROOT) to type: html, css, js, txt
        //   (the text/* ones with "; charset=utf-8"), json, svg, png, jpg and jpeg, gif, ico; see
        //   the table in specs/http.md. No extension, or an unknown one: application/octet-stream.
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }
}
