package io.socketlab.reference.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketlab.reference.LoopbackPair;
import io.socketlab.reference.http.ResponseReader.MalformedResponseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request heads as the server parses them (HTTP-10 to HTTP-13) and response bodies as the client frames them (HTTP-21). */
class HttpFramingTests {

    @Test
    void pipelinedRequestsAreReadOneAfterTheOtherWithTheirFields() throws IOException, HttpError {
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.send("\r\nGET /a?x=1 HTTP/1.1\r\nHost: example.com\r\nX-Empty:\r\n\r\n"
                    + "HEAD http://example.com/b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            pair.client.shutdownOutput();
            ConnectionInput input = new ConnectionInput(pair.server, OutputStream.nullOutputStream(), 10_000);

            RequestHead first = RequestParser.read(input);
            RequestHead second = RequestParser.read(input);

            assertThat(first.method).isEqualTo("GET");
            assertThat(first.target).isEqualTo("/a?x=1");
            assertThat(first.value("host")).isEqualTo("example.com");
            assertThat(first.value("X-Empty")).isEmpty();
            assertThat(first.wantsKeepAlive()).isTrue();
            assertThat(second.minorVersion).isZero();
            assertThat(second.wantsKeepAlive()).isTrue();
            assertThat(RequestParser.read(input)).as("the client closed between requests").isNull();
        }
    }

    @Test
    void eachMalformedHeadGetsItsStatus() throws IOException {
        expectStatus("GET /  HTTP/1.1\r\nHost: h\r\n\r\n", Status.BAD_REQUEST);
        expectStatus("GET / http/1.1\r\nHost: h\r\n\r\n", Status.BAD_REQUEST);
        expectStatus("GET / HTTP/2.0\r\nHost: h\r\n\r\n", Status.VERSION_NOT_SUPPORTED);
        expectStatus("GET / HTTP/1.1\r\n\r\n", Status.BAD_REQUEST); // no Host
        expectStatus("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", Status.BAD_REQUEST);
        expectStatus("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n", Status.BAD_REQUEST);
        expectStatus("GET / HTTP/1.1\r\nHost : h\r\n\r\n", Status.BAD_REQUEST);
        expectStatus("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
                Status.BAD_REQUEST);
        expectStatus("GET /" + "a".repeat(8200) + " HTTP/1.1\r\nHost: h\r\n\r\n", Status.URI_TOO_LONG);
        expectStatus("GET / HTTP/1.1\r\nHost: h\r\n" + "X-A: b\r\n".repeat(101) + "\r\n", Status.HEADER_FIELDS_TOO_LARGE);
    }

    @Test
    void theClientFramesBodiesByChunksByLengthOrByTheClose() throws IOException {
        assertThat(body("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n")).isEqualTo("hello world");
        assertThat(body("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef")).isEqualTo("abc");
        assertThat(body("HTTP/1.0 200 OK\r\n\r\nuntil the close")).isEqualTo("until the close");
        assertThat(body("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n")).isEmpty();
    }

    @Test
    void interimResponsesAreSkippedAndTheFinalHeadIsCopiedAsReceived() throws IOException {
        String finalHead = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        ResponseReader reader = reader("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                + finalHead);
        ByteArrayOutputStream include = new ByteArrayOutputStream();

        assertThat(reader.readHead(include)).isEqualTo(404);
        assertThat(include.toString(StandardCharsets.ISO_8859_1)).isEqualTo(finalHead);
    }

    @Test
    void aResponseThatIsNotHttpOrIsCutShortIsRefused() {
        assertThatThrownBy(() -> reader("SSH-2.0-OpenSSH\r\n\r\n").readHead(OutputStream.nullOutputStream()))
                .isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
                .isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"))
                .isInstanceOf(EOFException.class).hasMessageContaining("5 of 10");
        assertThatThrownBy(() -> reader("").readHead(OutputStream.nullOutputStream())).isInstanceOf(EOFException.class);
    }

    private static void expectStatus(String request, Status status) throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.send(request);
            pair.client.shutdownOutput();
            ConnectionInput input = new ConnectionInput(pair.server, OutputStream.nullOutputStream(), 10_000);

            assertThatThrownBy(() -> RequestParser.read(input)).as(request.lines().findFirst().orElse(""))
                    .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(status));
        }
    }

    private static String body(String response) throws IOException {
        ResponseReader reader = reader(response);
        reader.readHead(OutputStream.nullOutputStream());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reader.copyBody(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ResponseReader reader(String response) {
        return new ResponseReader(new ByteArrayInputStream(response.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
