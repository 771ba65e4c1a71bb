package io.socketlab.student.filetransfer;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;

/** The file server: serves one folder, with a thread and a {@link FileTransferSession} per connection. */
public final class FileTransferServer {

    private static final Logger LOG = Logger.getLogger(FileTransferServer.class.getName());

    static final String PROGRAM = "file-transfer server";
    private static final String USAGE = "FileTransferServer --port N --dir DIR [--max-size BYTES] [--host H]";
    private static final long DEFAULT_MAX_SIZE = 1L << 30; // FT-7: 1 GiB

    private FileTransferServer() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--port", "--host", "--dir", "--max-size"), Set.of());
            args.expectNoPositionals();
            InetSocketAddress address = args.listenAddress();
            long maxSize = args.longValue("--max-size", DEFAULT_MAX_SIZE, 0, Long.MAX_VALUE);
            serve(address, Path.of(args.requiredValue("--dir")), maxSize);
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/file-transfer.md)");
            System.exit(1);
        }
    }

    /**
     * Serves the folder {@code dir} on {@code address} until the process is terminated.
     *
     * @throws Failure if the folder cannot be used or the server cannot listen
     *     (use {@code Failure.usage(...)}: exit code 2)
     */
    private static void serve(InetSocketAddress address, Path dir, long maxSize) throws Failure {
        // TODO: new FileStore(Files.createDirectories(dir), maxSize); an IOException is
        //   Failure.usage("cannot serve the folder ...").
        // TODO: open a ServerSocket in try-with-resources, setReuseAddress(true), bind(address);
        //   an IOException is Failure.usage("cannot listen on ...").
        // TODO(FT-9): GracefulShutdown.install(listener), so that SIGTERM ends with exit code 0.
        // TODO(FT-8): loop while the listener is open: accept() and start a new Thread running a
        //   FileTransferSession(client, store) for each client. An IOException must never end the loop.
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }
}
