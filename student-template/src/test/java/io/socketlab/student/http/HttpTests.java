package io.socketlab.student.http;

import static io.socketlab.student.Todo.unlessTodo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** http: the given response head, and how to test a pure function of yours: the type of a file (HTTP-4). */
class HttpTests {

    @Test
    void aResponseHeadIsItsStatusLineAndFieldsEachEndingInCrlf() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new Response(Status.NOT_FOUND).header("Content-Length", 0).writeTo(out);

        String head = out.toString(StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("HTTP/1.1 404 Not Found\r\n"), head);
        assertTrue(head.endsWith("Content-Length: 0\r\n\r\n"), head);
    }

    @Test
    void theTypeFollowsTheExtensionInAnyCase() throws Exception {
        String png = unlessTodo("MimeTypes.of", () -> MimeTypes.of("LOGO.PNG"));

        assertEquals("image/png", png);
        assertEquals("application/octet-stream", MimeTypes.of("README"));
    }
}
