package io.socketlab.reference.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** The value of the field called {@code name}, or null if there is none. */
    String value(String name) {
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                return field.value();
            }
        }
        return null;
    }

    /**
     * HTTP-9: whether the client wants the connection kept open after the response: HTTP/1.1 unless
     * it says {@code Connection: close}, HTTP/1.0 only if it says {@code Connection: keep-alive}.
     */
    boolean wantsKeepAlive() {
        boolean close = false;
        boolean keepAlive = false;
        for (String value : values("Connection")) {
            for (String option : value.split(",")) {
                String token = option.trim().toLowerCase(Locale.ROOT);
                close |= token.equals("close");
                keepAlive |= token.equals("keep-alive");
            }
        }
        return !close && (minorVersion == 1 || keepAlive);
    }
}
