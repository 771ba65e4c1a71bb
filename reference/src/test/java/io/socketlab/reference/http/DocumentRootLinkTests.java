package io.socketlab.reference.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP-14 through symbolic links: a link anywhere on the way (the file, a folder above it, an
 * {@code index.html}) is followed, and served only if where it leads is inside the root.
 */
class DocumentRootLinkTests {

    @TempDir
    Path folder;

    private Path root;
    private DocumentRoot documentRoot;

    @BeforeEach
    void site() throws Exception {
        Path outside = Files.createDirectory(folder.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(outside.resolve("index.html"), "secret");
        root = Files.createDirectory(folder.resolve("root"));
        Path docs = Files.createDirectory(root.resolve("docs"));
        Files.writeString(docs.resolve("page.txt"), "page");
        Files.writeString(docs.resolve("index.html"), "index");
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(docs.resolve("up"), outside);
        Files.createSymbolicLink(root.resolve("manual"), docs);
        Files.createSymbolicLink(root.resolve("alias.txt"), docs.resolve("page.txt"));
        Files.createSymbolicLink(root.resolve("dangling.txt"), folder.resolve("nothing"));
        Path home = Files.createDirectory(root.resolve("home"));
        Files.createSymbolicLink(home.resolve("index.html"), outside.resolve("index.html"));
        documentRoot = new DocumentRoot(root);
    }

    @Test
    void aLinkedFolderLeadingOutsideIsRefusedAtAnyDepth() {
        for (String target : new String[] {"/out/secret.txt", "/out/", "/out", "/docs/up/secret.txt",
                "/manual/up/secret.txt", "/manual/../out/secret.txt"}) {
            assertThatThrownBy(() -> documentRoot.resolve(target)).as(target)
                    .isInstanceOfSatisfying(HttpError.class,
                            e -> assertThat(e.status()).isIn(Status.FORBIDDEN, Status.NOT_FOUND));
        }
    }

    @Test
    void anIndexThatLinksOutsideIsRefused() {
        assertThatThrownBy(() -> documentRoot.resolve("/home/")).isInstanceOfSatisfying(HttpError.class,
                e -> assertThat(e.status()).isIn(Status.FORBIDDEN, Status.NOT_FOUND));
    }

    @Test
    void aDanglingLinkIsNotFound() {
        assertThatThrownBy(() -> documentRoot.resolve("/dangling.txt")).isInstanceOfSatisfying(HttpError.class,
                e -> assertThat(e.status()).isEqualTo(Status.NOT_FOUND));
    }

    @Test
    void linksThatStayInsideAreServedFromWhereTheyLead() throws Exception {
        Path page = root.toRealPath().resolve("docs/page.txt");

        assertThat(documentRoot.resolve("/alias.txt").file()).isEqualTo(page);
        assertThat(documentRoot.resolve("/manual/page.txt").file()).isEqualTo(page);
        assertThat(documentRoot.resolve("/manual/").file()).isEqualTo(page.resolveSibling("index.html"));
        assertThat(documentRoot.resolve("/manual").redirect()).isEqualTo("/manual/");
        assertThat(documentRoot.resolve("/docs/page.txt").attributes().size()).isEqualTo(4);
    }

    @Test
    void theFileSystemRootCanBeTheRoot() throws Exception {
        DocumentRoot everything = new DocumentRoot(Path.of("/"));

        assertThatThrownBy(() -> everything.resolve("/")).as("no /index.html").isInstanceOfSatisfying(
                HttpError.class, e -> assertThat(e.status()).isEqualTo(Status.NOT_FOUND));
        assertThat(everything.resolve(root.toRealPath().resolve("docs/page.txt").toString()).file())
                .isEqualTo(root.toRealPath().resolve("docs/page.txt"));
    }

    @Test
    void aRootReachedThroughALinkIsServed() throws Exception {
        Path linkToRoot = Files.createSymbolicLink(folder.resolve("www"), root);

        DocumentRoot throughLink = new DocumentRoot(linkToRoot);

        assertThat(throughLink.resolve("/docs/page.txt").file()).isEqualTo(root.toRealPath().resolve("docs/page.txt"));
        assertThatThrownBy(() -> throughLink.resolve("/out/secret.txt")).isInstanceOf(HttpError.class);
    }
}
