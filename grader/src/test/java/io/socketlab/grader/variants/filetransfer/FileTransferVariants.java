package io.socketlab.grader.variants.filetransfer;

import io.socketlab.grader.variants.Variants.Variant;
import java.util.List;

/** The file-transfer exercise's broken variants and their correct bases, registered in {@code Variants}. */
public final class FileTransferVariants {

    private FileTransferVariants() {
    }

    /** Each loses its clause: a classroom mistake of a file server or client. */
    public static final List<Variant> BROKEN = List.of(
            new Variant("file-transfer", "server", EndMarkerFileTransferServer.class, "FT-1"),
            new Variant("file-transfer", "server", InMemoryFileTransferServer.class, "FT-1"),
            new Variant("file-transfer", "server", SingleReadCommandFileTransferServer.class, "FT-1"),
            new Variant("file-transfer", "server", CaseInsensitiveSortFileTransferServer.class, "FT-3"),
            new Variant("file-transfer", "server", ListsFoldersFileTransferServer.class, "FT-3"),
            new Variant("file-transfer", "server", DirectWriteFileTransferServer.class, "FT-4"),
            new Variant("file-transfer", "server", LeavesTempFilesFileTransferServer.class, "FT-4"),
            new Variant("file-transfer", "server", NoDigestCheckFileTransferServer.class, "FT-5"),
            new Variant("file-transfer", "server", CaseSensitiveDigestFileTransferServer.class, "FT-5"),
            new Variant("file-transfer", "server", UnsanitisedNameFileTransferServer.class, "FT-6"),
            new Variant("file-transfer", "server", GetTraversalFileTransferServer.class, "FT-6"),
            new Variant("file-transfer", "server", OffByOneNameFileTransferServer.class, "FT-6"),
            new Variant("file-transfer", "server", IntSizeFileTransferServer.class, "FT-7"),
            new Variant("file-transfer", "server", NoLineLimitFileTransferServer.class, "FT-8"),
            new Variant("file-transfer", "server", OneClientAtATimeFileTransferServer.class, "FT-8"),
            new Variant("file-transfer", "client", OkWhateverPutFileTransferClient.class, "FT-10"),
            new Variant("file-transfer", "client", NoVerifyFileTransferClient.class, "FT-11"),
            new Variant("file-transfer", "client", NonAtomicGetFileTransferClient.class, "FT-11"),
            new Variant("file-transfer", "client", BlockReaderGetFileTransferClient.class, "FT-11"),
            new Variant("file-transfer", "client", ListUntilCloseFileTransferClient.class, "FT-12"),
            new Variant("file-transfer", "client", NoTimeoutFileTransferClient.class, "FT-13"));

    public static final List<Variant> CORRECT = List.of(
            new Variant("file-transfer", "server", CorrectFileTransferServer.class, null),
            new Variant("file-transfer", "client", CorrectFileTransferClient.class, null));
}
