package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Mistake: lists every entry of DIR with a valid name, folders included, and fails (closing the connection) when it
 * opens a folder to compute its digest; must lose FT-3.
 */
public final class ListsFoldersFileTransferServer extends FileTransferServerBase {

    public static void main(String[] args) throws IOException {
        new ListsFoldersFileTransferServer().run(args);
    }

    @Override
    List<String> listed() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (NAME.matcher(entry.getFileName().toString()).matches()) {
                    names.add(entry.getFileName().toString());
                }
            }
        }
        names.sort(null);
        return names;
    }
}
