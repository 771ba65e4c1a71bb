package io.socketlab.student.http;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The folder the server serves, and the only way to turn a request target into a file in it
 * (HTTP-6, HTTP-14): no target, however encoded, may lead to a byte outside the folder.
 */
final class DocumentRoot {

    /**
     * What a target leads to: a regular file to serve (with its attributes: size, last-modified time), or a
     * redirect (a {@code Location}) to the same path with a slash.
     */
    record Resolution(Path file, BasicFileAttributes attributes, String redirect) {
    }

    private final Path root;

    DocumentRoot(Path root) throws IOException {
        // TODO(HTTP-14): keep root.toRealPath() (it must be a folder): every file served is
        //   compared with this real path.
        this.root = root;
    }

    /**
     * Resolves a request target: origin-form ({@code /a/b?q}) or absolute-form ({@code http://host/a/b?q}).
     *
     * @throws HttpError 400 for a target that is not a path, 403 for one that tries to leave the
     *     folder, 404 for one that leads to nothing that can be served
     */
    Resolution resolve(String target) throws HttpError {
        // TODO(HTTP-6): drop the query ("?..."); for absolute-form drop "http://authority" too.
        // TODO(HTTP-6, HTTP-14): split the path on "/" FIRST, then percent-decode each segment
        //   (bytes, then UTF-8). A decoded segment containing "/", "\\" or NUL is refused (403).
        //   Skip "" and "."; ".." removes the previous segment, and a ".." with nothing to remove
        //   is refused (403).
        // TODO(HTTP-14): resolve the segments under root, then toRealPath() (NoSuchFileException:
        //   404) and refuse (403) a real path that does not startsWith(root): a symbolic link
        //   may point anywhere.
        // TODO(HTTP-6): a folder: without a trailing "/" in the target, a Resolution with
        //   redirect = its path + "/" (301); with one, its index.html (checked the same way), or 404.
        // TODO(HTTP-1): a regular file: new Resolution(file, Files.readAttributes(file,
        //   BasicFileAttributes.class), null); anything else (a device, a socket) is 404.
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }
}
