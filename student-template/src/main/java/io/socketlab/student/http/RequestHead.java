package io.socketlab.student.http;

import java.util.ArrayList;
import java.util.List;

/** A request line and its header fields, as sent (RFC 9112, sections 3 and 5). */
final class RequestHead {

    /** One header field: its name as sent (compare it ignoring case) and its trimmed value. */
    record Field(String name, String value) {
    }

    final String method;
    final String target;
    /** 0 for HTTP/1.0, 1 for HTTP/1.1. */
    final int minorVersion;
    final List<Field> fields;

    RequestHead(String method, String target, int minorVersion, List<Field> fields) {
        this.method = method;
        this.target = target;
        this.minorVersion = minorVersion;
        this.fields = fields;
    }

    /** The values of every field called {@code name}, in order. */
    List<String> values(String name) {
        List<String> values = new ArrayList<>(1);
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                values.add(field.value());
            }
        }
        return values;
    }

    /** The value of the first field called {@code name}, or null if there is none. */
    String value(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** HTTP-9: whether the client wants the connection kept open after the response. */
    boolean wantsKeepAlive() {
        // TODO(HTTP-9): the Connection field is a comma-separated list of case-insensitive
        //   tokens. HTTP/1.1: keep alive unless one is "close". HTTP/1.0: only if one is
        //   "keep-alive" (and none is "close").
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }
}
