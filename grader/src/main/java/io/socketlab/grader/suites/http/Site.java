package io.socketlab.grader.suites.http;

import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.Payload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The folder the server under test serves ({@code {data}/root}) and, beside it, a {@code secret} and a folder
 * {@code root-private} (whose name starts with the root's) that no request may ever read. Built once per server,
 * before it starts; every file has the same fixed modification time so {@code Last-Modified} and
 * {@code If-Modified-Since} are predictable.
 */
final class Site {

    /**
     * Every file's modification time: a day of one digit (an RFC 1123 formatter writes "5 Jan", IMF-fixdate "05 Jan")
     * and a fraction of a second (a server that compares milliseconds with If-Modified-Since's whole seconds finds
     * the file newer than its own Last-Modified).
     */
    static final Instant MODIFIED = Instant.parse("2024-01-05T10:30:00.700Z");
    /** {@link #MODIFIED} as Last-Modified must say it: whole seconds, IMF-fixdate. */
    static final String LAST_MODIFIED = "Fri, 05 Jan 2024 10:30:00 GMT";
    static final String HELLO = "Hello, world!\n";
    static final String INDEX = "<!DOCTYPE html>\n<html><body><h1>SocketLab root index</h1></body></html>\n";
    static final String SUB_INDEX = "<!DOCTYPE html>\n<html><body><h1>sub index</h1></body></html>\n";
    static final String SPACED = "a file whose name has a space\n";
    static final String UTF8 = "¡Hola, señor! Grüße, ça va? 你好, мир ✓ 😀\n";
    /** What the secret outside the root holds: a body containing it is a leak. */
    static final String SECRET_MARKER = "SOCKETLAB-SECRET-7f3a9c";
    static final long BIG_SIZE = 64L << 20;
    /** The content of {@code big.bin}, generated from a fixed seed. */
    static final Payload BIG = Payload.random(new Random(0x5EC0E7L), BIG_SIZE);

    /** Extension files: name to the media type the contract gives it ({@code text/*} ones carry charset=utf-8). */
    static final Map<String, String> TYPED = typed();
    static final Map<String, String> UPPERCASE_TYPED = Map.of(
            "upper.HTML", "text/html", "upper.Css", "text/css", "upper.JS", "text/javascript",
            "upper.PNG", "image/png", "upper.JpG", "image/jpeg", "upper.TXT", "text/plain", "upper.SVG", "image/svg+xml");
    static final List<String> UNTYPED = List.of("untyped.bin", "untyped.xyz", "untyped",
            "untyped.html.bak", "untyped.tar.gz");

    final Path root;
    final Path secret;
    final boolean symlinks;

    private Site(Path root, Path secret, boolean symlinks) {
        this.root = root;
        this.secret = secret;
        this.symlinks = symlinks;
    }

    private static Map<String, String> typed() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("page.html", "text/html");
        types.put("style.css", "text/css");
        types.put("script.js", "text/javascript");
        types.put("data.json", "application/json");
        types.put("notes.txt", "text/plain");
        types.put("logo.svg", "image/svg+xml");
        types.put("image.png", "image/png");
        types.put("photo.jpg", "image/jpeg");
        types.put("photo.jpeg", "image/jpeg");
        types.put("anim.gif", "image/gif");
        types.put("favicon.ico", "image/x-icon");
        return types;
    }

    /** Builds the site in the server's data folder unless it is there already; call before the server starts. */
    static synchronized Site prepare(ServerUnderTest server) {
        Path data = server.dataDir();
        Path root = data.resolve("root");
        Path secret = data.resolve("secret");
        try {
            if (!Files.isDirectory(root)) {
                Path building = Files.createDirectories(data.resolve("root.building"));
                build(building);
                Files.writeString(secret, SECRET_MARKER + "\n");
                // A string check root.startsWith-like without a separator takes root-private for a part of root.
                Files.createDirectories(data.resolve("root-private"));
                Files.writeString(data.resolve("root-private/secret.txt"), SECRET_MARKER + "\n");
                Files.move(building, root);
            }
            boolean symlinks = linkOut(root.resolve("leak.txt"), Path.of("..", "secret"))
                    & linkOut(root.resolve("outside"), Path.of(".."));
            touchAll(root);
            return new Site(root, secret, symlinks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void build(Path root) throws IOException {
        Files.writeString(root.resolve("hello.txt"), HELLO);
        Files.writeString(root.resolve("index.html"), INDEX);
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/index.html"), SUB_INDEX);
        Files.writeString(root.resolve("sub/page.txt"), "a page in sub\n");
        Files.writeString(root.resolve("a b.txt"), SPACED);
        Files.writeString(root.resolve("utf8.txt"), UTF8);
        Files.write(root.resolve("all-bytes.bin"), allBytes());
        Files.write(root.resolve("empty.txt"), new byte[0]);
        for (String name : TYPED.keySet()) {
            Files.writeString(root.resolve(name), "content of " + name + "\n");
        }
        for (String name : UPPERCASE_TYPED.keySet()) {
            Files.writeString(root.resolve(name), "content of " + name + "\n");
        }
        for (String name : UNTYPED) {
            Files.writeString(root.resolve(name), "content of " + name + "\n");
        }
        for (int i = 0; i < 20; i++) {
            Files.writeString(root.resolve("file" + i + ".txt"), "this is file number " + i + "\n");
        }
    }

    /** A symbolic link from inside the root to outside it; false where the file system cannot make one. */
    private static boolean linkOut(Path link, Path target) {
        if (Files.isSymbolicLink(link)) {
            return true;
        }
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (UnsupportedOperationException | IOException | SecurityException e) {
            return false;
        }
    }

    private static void touchAll(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
                }
            }
        }
    }

    /** 1024 bytes: every byte value 0..255, four times. */
    static byte[] allBytes() {
        byte[] bytes = new byte[1024];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    /**
     * Writes {@code big.bin} ({@link #BIG}: 64 MiB of seeded pseudo-random bytes) unless present: the grader compares
     * what it receives with the payload as it arrives, and never holds the file in memory.
     */
    synchronized void bigFile() throws IOException {
        Path big = root.resolve("big.bin");
        if (Files.exists(big) && Files.size(big) == BIG_SIZE) {
            return;
        }
        try (InputStream content = BIG.open(); OutputStream out = Files.newOutputStream(big)) {
            content.transferTo(out);
        }
        Files.setLastModifiedTime(big, FileTime.from(MODIFIED));
    }
}
