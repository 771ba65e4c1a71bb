package io.socketlab.reference.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The folder the server serves, and the only way to turn a request target into a file in it
 * (HTTP-6, HTTP-14): no target, however encoded, leads to a byte outside the folder.
 */
final class DocumentRoot {

    /** What a target leads to: a file (its real path) with its attributes, or a redirect to the path with a slash. */
    record Resolution(Path file, BasicFileAttributes attributes, String redirect) {
    }

    private static final String INDEX = "index.html";

    private final Path root;

    /** @param root an existing folder; symbolic links in its own path are resolved once, here */
    DocumentRoot(Path root) throws IOException {
        this.root = root.toRealPath();
        if (!Files.isDirectory(this.root)) {
            throw new NotDirectoryException(root.toString());
        }
    }

    /**
     * Resolves a request target: origin-form ({@code /a/b?q}) or absolute-form
     * ({@code http://host/a/b?q}); the query is ignored.
     *
     * @throws HttpError 400 for a target that is not a path, 403 for one that tries to leave the
     *     folder, 404 for one that leads to nothing that can be served
     */
    Resolution resolve(String target) throws HttpError {
        List<String> segments = new ArrayList<>();
        boolean directoryWanted = normalize(pathOf(target), segments);
        Path candidate = root;
        for (String segment : segments) {
            candidate = candidate.resolve(segment);
        }
        Resolution found = fileInside(candidate);
        if (found.attributes().isDirectory()) {
            if (!directoryWanted) {
                return new Resolution(null, null, encode(segments) + "/"); // HTTP-6: 301 to "dir/"
            }
            found = fileInside(found.file().resolve(INDEX));
        } else if (directoryWanted) {
            throw new HttpError(Status.NOT_FOUND, candidate + " is not a folder");
        }
        if (!found.attributes().isRegularFile()) {
            throw new HttpError(Status.NOT_FOUND, found.file() + " is not a regular file");
        }
        return found;
    }

    /** The raw (still percent-encoded) path of a target, without its query. */
    private static String pathOf(String target) throws HttpError {
        String path = target;
        if (!target.startsWith("/")) {
            // Absolute-form (RFC 9112, 3.2.2): drop "http://authority" and keep the path.
            String lower = target.toLowerCase(Locale.ROOT);
            int schemeEnd = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
            if (schemeEnd < 0) {
                throw new HttpError(Status.BAD_REQUEST, "target is neither a path nor an http URL");
            }
            int pathStart = schemeEnd;
            while (pathStart < target.length() && "/?".indexOf(target.charAt(pathStart)) < 0) {
                pathStart++;
            }
            String rest = target.substring(pathStart);
            path = rest.startsWith("/") ? rest : "/" + rest;
        }
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /**
     * Decodes each segment of {@code path} and removes dot segments, as RFC 3986, 5.2.4, but refusing
     * any {@code ..} that would climb above the root. Returns whether the path names a folder.
     */
    private static boolean normalize(String path, List<String> segments) throws HttpError {
        String[] raw = path.split("/", -1);
        for (String encoded : raw) {
            String segment = percentDecode(encoded);
            if (segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0) {
                // An encoded slash, a backslash or a NUL could change which file is meant: refused.
                throw new HttpError(Status.FORBIDDEN, "slash, backslash or NUL inside a path segment");
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new HttpError(Status.FORBIDDEN, "path climbs above the root");
                }
                segments.remove(segments.size() - 1);
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        String last = percentDecode(raw[raw.length - 1]);
        return last.isEmpty() || last.equals(".") || last.equals("..");
    }

    /** {@code %41} is {@code A}; the bytes decoded must be UTF-8. */
    private static String percentDecode(String encoded) throws HttpError {
        if (encoded.indexOf('%') < 0) {
            return encoded; // the request line is ASCII: nothing to decode
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
            if (low < 0) {
                throw new HttpError(Status.BAD_REQUEST, "malformed percent-encoding");
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new HttpError(Status.BAD_REQUEST, "the path is not UTF-8");
        }
    }

    /**
     * HTTP-14: where {@code path} really is, after every symbolic link, and what is there; it must be
     * inside the root.
     *
     * <p>{@code path} is the root, itself a real path, followed by plain names (none empty, {@code .}
     * or {@code ..}). Unless one of those names is a symbolic link, {@code path} is therefore its own
     * real path. Checking that costs one {@code lstat} per name, the last of which also says what the
     * file is, where {@code toRealPath()} would read every folder again from {@code /} down, on every
     * request. Only a path through a symbolic link pays for the full resolution.
     */
    private Resolution fileInside(Path path) throws HttpError {
        BasicFileAttributes attributes = attributes(path, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink() || throughSymbolicLink(path.getParent())) {
            Path real = realPathInside(path);
            return new Resolution(real, attributes(real), null);
        }
        return new Resolution(path, attributes, null);
    }

    /** Whether {@code folder} or a folder above it, below the root, is a symbolic link. */
    private boolean throughSymbolicLink(Path folder) {
        // Null above "/": when the root is "/" itself, the folder of "/" is nothing to check.
        for (Path f = folder; f != null && f.getNameCount() > root.getNameCount(); f = f.getParent()) {
            if (Files.isSymbolicLink(f)) {
                return true;
            }
        }
        return false;
    }

    /** HTTP-14: where {@code path} really is, after every symbolic link, which must be inside the root. */
    private Path realPathInside(Path path) throws HttpError {
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new HttpError(Status.NOT_FOUND, path + " does not exist");
        } catch (IOException e) {
            throw new HttpError(Status.FORBIDDEN, path + ": " + e.getMessage());
        }
        if (!real.startsWith(root)) {
            throw new HttpError(Status.FORBIDDEN, path + " leads outside the root");
        }
        return real;
    }

    private static BasicFileAttributes attributes(Path file, LinkOption... options) throws HttpError {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, options);
        } catch (AccessDeniedException e) {
            throw new HttpError(Status.FORBIDDEN, file + ": permission denied");
        } catch (IOException e) {
            throw new HttpError(Status.NOT_FOUND, file + ": " + e.getMessage());
        }
    }

    /** The path-absolute form of {@code segments} for a {@code Location}, every unsafe byte %-encoded. */
    private static String encode(List<String> segments) {
        StringBuilder location = new StringBuilder();
        for (String segment : segments) {
            location.append('/');
            for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
                location.append(safe ? String.valueOf(c) : String.format("%%%02X", (int) c));
            }
        }
        return location.toString();
    }
}
