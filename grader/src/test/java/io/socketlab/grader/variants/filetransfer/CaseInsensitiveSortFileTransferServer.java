package io.socketlab.grader.variants.filetransfer;

import java.io.IOException;
import java.util.List;

/** Mistake: sorts LIST case-insensitively ({@code a.txt} before {@code C.txt}) instead of in byte order; must lose FT-3. */
public final class CaseInsensitiveSortFileTransferServer extends FileTransferServerBase {

    public static void main(String[] args) throws IOException {
        new CaseInsensitiveSortFileTransferServer().run(args);
    }

    @Override
    List<String> listed() throws IOException {
        List<String> names = new java.util.ArrayList<>(super.listed());
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }
}
