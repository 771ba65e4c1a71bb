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
            new Variant("file-transfer", "client", NoTimeoutFileTransferClient.class, "FT-13"),
            Variant.python("file-transfer", "server", "filetransfer/recv_once_line_server.py", "FT-1"),
            Variant.python("file-transfer", "server", "filetransfer/listdir_server.py", "FT-3"),
            Variant.python("file-transfer", "server", "filetransfer/direct_write_server.py", "FT-4"),
            Variant.python("file-transfer", "server", "filetransfer/get_without_check_server.py", "FT-6"),
            Variant.python("file-transfer", "server", "filetransfer/int_size_server.py", "FT-7"),
            Variant.python("file-transfer", "server", "filetransfer/no_line_limit_server.py", "FT-8"),
            Variant.python("file-transfer", "server", "filetransfer/single_threaded_server.py", "FT-8"),
            Variant.python("file-transfer", "client", "filetransfer/ok_whatever_client.py", "FT-10"),
            Variant.python("file-transfer", "client", "filetransfer/block_reader_client.py", "FT-11"),
            Variant.python("file-transfer", "client", "filetransfer/recv_once_list_client.py", "FT-12"),
            Variant.python("file-transfer", "client", "filetransfer/no_timeout_client.py", "FT-13"));

    public static final List<Variant> CORRECT = List.of(
            new Variant("file-transfer", "server", CorrectFileTransferServer.class, null),
            new Variant("file-transfer", "client", CorrectFileTransferClient.class, null),
            Variant.python("file-transfer", "server", "filetransfer/classroom_server.py", null),
            Variant.python("file-transfer", "client", "filetransfer/classroom_client.py", null));
}
