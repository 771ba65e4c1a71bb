package io.socketlab.reference.filetransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file server's folder and its content on disk (FT-1 to FT-7), with streams in place of the network. */
class FileStoreTests {

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void namesAreSafeAndRefusalsComeInTheSpecsOrder() throws IOException {
        FileStore store = new FileStore(dir, 1000);

        for (String good : new String[] {"a", "report-2026_v2.pdf", "x".repeat(255), "a.b.c"}) {
            assertThat(FileStore.isValidName(good)).as(good).isTrue();
        }
        for (String bad : new String[] {"", ".hidden", "..", "../x", "a/b", "a\\b", "x".repeat(256), "é", "a b", "a\0"}) {
            assertThat(FileStore.isValidName(bad)).as(bad).isFalse();
        }
        assertThat(store.refusal("../x", "-1")).isEqualTo("bad-name");
        assertThat(store.refusal("a", "-1")).isEqualTo("bad-size");
        assertThat(store.refusal("a", "1e3")).isEqualTo("bad-size");
        assertThat(store.refusal("a", "1001")).isEqualTo("too-large");
        assertThat(store.refusal("a", "99999999999999999999999999")).as("compared exactly").isEqualTo("too-large");
        assertThat(store.refusal("a", "1000")).isNull();
    }

    @Test
    void anUploadIsStagedHiddenThenStoredAtomicallyAndListedWithItsDigest() throws IOException {
        FileStore store = new FileStore(dir, 1000);

        try (StagedFile upload = store.receive(new ByteArrayInputStream("abcdef".getBytes(StandardCharsets.UTF_8)), 3)) {
            assertThat(upload.sha256()).isEqualTo(ABC_SHA256);
            assertThat(store.list()).as("a staged file is not listed").isEmpty();
            store.store(upload, "b.txt");
        }
        Files.writeString(dir.resolve("a.txt"), "");

        assertThat(dir.resolve("b.txt")).hasContent("abc");
        assertThat(store.list()).containsExactly("a.txt 0 " + EMPTY_SHA256, "b.txt 3 " + ABC_SHA256);
        assertThat(files()).containsExactlyInAnyOrder("a.txt", "b.txt");
    }

    @Test
    void anUploadCutShortOrNeverStoredLeavesNothingBehind() throws IOException {
        FileStore store = new FileStore(dir, 1000);

        assertThatThrownBy(() -> store.receive(new ByteArrayInputStream(new byte[2]), 3)).isInstanceOf(EOFException.class);
        try (StagedFile unwanted = store.receive(new ByteArrayInputStream(new byte[3]), 3)) {
            assertThat(files()).hasSize(1);
        }

        assertThat(files()).isEmpty();
    }

    @Test
    void aServerStartingAgainDeletesTheTemporaryFilesOfAKilledOne() throws IOException {
        Files.writeString(dir.resolve(StagedFile.PREFIX + "123" + StagedFile.SUFFIX), "half an upload");
        Files.writeString(dir.resolve("kept.txt"), "kept");

        new FileStore(dir, 1000);

        assertThat(files()).containsExactly("kept.txt");
    }

    @Test
    void onlyRegularFilesAreOpenedNeverALinkOutOfTheFolder() throws IOException {
        Path outside = Files.writeString(Files.createTempFile("secret", ".txt"), "secret");
        try {
            Files.createSymbolicLink(dir.resolve("link.txt"), outside);
            Files.createDirectory(dir.resolve("folder"));
            FileStore store = new FileStore(dir, 1000);

            assertThatThrownBy(() -> store.open("link.txt")).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> store.open("folder")).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> store.open("missing")).isInstanceOf(NoSuchFileException.class);
            assertThat(store.list()).isEmpty();
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void contentIsCopiedExactlyAndWhatFollowsIsLeftUnread() throws IOException {
        InputStream in = new ByteArrayInputStream("PAYLOADnext line\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Content.copy(in, out, 7);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("PAYLOAD");
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("next line\n");
        assertThatThrownBy(() -> Content.copy(new ByteArrayInputStream(new byte[5]), out, 6))
                .isInstanceOf(EOFException.class).hasMessageContaining("1 bytes short of 6");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).toList();
        }
    }
}
