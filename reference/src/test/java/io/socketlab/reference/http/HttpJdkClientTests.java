package io.socketlab.reference.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference server as the JDK's own HTTP client sees it. */
class HttpJdkClientTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private TestSite site;
    private HttpClient client;

    @BeforeEach
    void start() throws IOException {
        site = TestSite.serve(folder);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void servesSeveralFilesOverOneConnection() throws Exception {
        HttpResponse<String> page = get(site.uri("/"));
        HttpResponse<String> style = get(site.uri("/style.css"));
        HttpResponse<byte[]> logo = client.send(request(site.uri("/logo.png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(TestSite.INDEX_HTML);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(style.body()).isEqualTo(TestSite.STYLE_CSS);
        assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(logo.body()).isEqualTo(TestSite.LOGO_PNG);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(site.connectionsAccepted()).as("connections accepted for three requests").isEqualTo(1);
    }

    @Test
    void headHasTheHeadersOfGetAndNoBody() throws Exception {
        HttpResponse<String> head = client.send(request(site.uri("/index.html"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length"))
                .hasValue(TestSite.INDEX_HTML.getBytes(StandardCharsets.UTF_8).length);
        assertThat(head.headers().firstValue("Last-Modified")).isPresent();
        // The connection is still in step: the next answer is the right one.
        assertThat(get(site.uri("/style.css")).body()).isEqualTo(TestSite.STYLE_CSS);
    }

    @Test
    void missingFileIsNotFoundWithAnHtmlPage() throws Exception {
        HttpResponse<String> missing = get(site.uri("/no-such-file.txt"));

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(missing.body()).contains("404");
    }

    @Test
    void unchangedFileIsNotModified() throws Exception {
        String lastModified = get(site.uri("/style.css")).headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> again = client.send(request(site.uri("/style.css"))
                .header("If-Modified-Since", lastModified).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(request(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }
}
