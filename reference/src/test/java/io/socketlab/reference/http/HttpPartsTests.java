package io.socketlab.reference.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's small parts on their own: dates, types, and the resolution of targets. */
class HttpPartsTests {

    @TempDir
    Path folder;

    @Test
    void datesAreImfFixdateWithTwoDigitDays() {
        Instant instant = Instant.parse("1994-11-06T08:49:37Z");

        assertThat(HttpDates.format(instant)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(instant);
        assertThat(HttpDates.parse("Mon, 06 Nov 1994 08:49:37 GMT")).as("wrong day of the week").isNull();
        assertThat(HttpDates.parse("yesterday")).isNull();
    }

    @Test
    void typesFollowTheExtensionInAnyCase() {
        assertThat(MimeTypes.of("LOGO.PNG")).isEqualTo("image/png");
        assertThat(MimeTypes.of("a.b.JpEg")).isEqualTo("image/jpeg");
        assertThat(MimeTypes.of("app.js")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(MimeTypes.of("README")).isEqualTo("application/octet-stream");
        assertThat(MimeTypes.of("archive.tar.gz")).isEqualTo("application/octet-stream");
    }

    @Test
    void targetsResolveInsideTheRootOnly() throws Exception {
        Path root = Files.createDirectory(folder.resolve("root"));
        Files.writeString(root.resolve("a b.txt"), "x");
        Files.createDirectory(root.resolve("sub"));
        Files.writeString(folder.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("link.txt"), folder.resolve("secret.txt"));
        DocumentRoot documentRoot = new DocumentRoot(root);

        assertThat(documentRoot.resolve("/a%20b.txt?x=1").file()).isEqualTo(root.toRealPath().resolve("a b.txt"));
        assertThat(documentRoot.resolve("/sub/../a%20b.txt").file()).isNotNull();
        assertThat(documentRoot.resolve("http://example.com/sub").redirect()).isEqualTo("/sub/");
        for (String escape : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                "/..%2fsecret.txt", "/sub/../../secret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt",
                "/link.txt", "/%00", "http://x/../secret.txt"}) {
            assertThatThrownBy(() -> documentRoot.resolve(escape)).as(escape)
                    .isInstanceOfSatisfying(HttpError.class,
                            e -> assertThat(e.status()).isIn(Status.FORBIDDEN, Status.NOT_FOUND));
        }
        assertThatThrownBy(() -> documentRoot.resolve("/sub/")).isInstanceOfSatisfying(HttpError.class,
                e -> assertThat(e.status()).isEqualTo(Status.NOT_FOUND)); // no index.html: no listing
    }
}
