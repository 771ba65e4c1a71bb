package io.socketlab.reference.http;

/** The status codes this server sends, with their reason phrases (RFC 9110, section 15). */
enum Status {
    OK(200, "OK"),
    MOVED_PERMANENTLY(301, "Moved Permanently"),
    NOT_MODIFIED(304, "Not Modified"),
    BAD_REQUEST(400, "Bad Request"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not Found"),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
    URI_TOO_LONG(414, "URI Too Long"),
    HEADER_FIELDS_TOO_LARGE(431, "Request Header Fields Too Large"),
    VERSION_NOT_SUPPORTED(505, "HTTP Version Not Supported");

    final int code;
    final String reason;

    Status(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    /** Whether the request could not even be read as HTTP: the connection is closed after answering. */
    boolean endsConnection() {
        return this == BAD_REQUEST || this == URI_TOO_LONG || this == HEADER_FIELDS_TOO_LARGE
                || this == VERSION_NOT_SUPPORTED;
    }

    @Override
    public String toString() {
        return code + " " + reason;
    }
}
