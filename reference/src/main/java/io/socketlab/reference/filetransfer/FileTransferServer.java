package io.socketlab.reference.filetransfer;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.GracefulShutdown;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;

/** The file server: serves one folder, with a thread and a {@link FileTransferSession} per connection. */
public final class FileTransferServer {

    static final String PROGRAM = "file-transfer server";
    private static final String USAGE = "FileTransferServer --port N --dir DIR [--max-size BYTES] [--host H]";
    private static final Logger LOG = Logger.getLogger(FileTransferServer.class.getName());
    private static final long DEFAULT_MAX_SIZE = 1L << 30; // FT-7: 1 GiB

    private FileTransferServer() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--port", "--host", "--dir", "--max-size"), Set.of());
            args.expectNoPositionals();
            InetSocketAddress address = args.listenAddress();
            long maxSize = args.longValue("--max-size", DEFAULT_MAX_SIZE, 0, Long.MAX_VALUE);
            serve(address, openStore(Path.of(args.requiredValue("--dir")), maxSize));
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        }
    }

    /** The folder is created if it does not exist yet, like the store file of other servers. */
    private static FileStore openStore(Path dir, long maxSize) throws Failure {
        try {
            return new FileStore(Files.createDirectories(dir), maxSize);
        } catch (IOException e) {
            throw Failure.usage("cannot serve the folder " + dir + ": " + e);
        }
    }

    /** Listens on {@code address} and serves clients until the process is terminated. */
    private static void serve(InetSocketAddress address, FileStore store) throws Failure {
        try (ServerSocket listener = new ServerSocket()) {
            // Rebind at once after a restart, even while old connections linger in TIME_WAIT.
            listener.setReuseAddress(true);
            listener.bind(address);
            GracefulShutdown.install(listener); // FT-9
            LOG.info(() -> "listening on port " + listener.getLocalPort());
            acceptClients(listener, store);
        } catch (IOException e) {
            throw Failure.usage("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage());
        }
    }

    /** FT-8: each connection gets its own thread, so a long transfer delays nobody else. */
    private static void acceptClients(ServerSocket listener, FileStore store) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                new Thread(new FileTransferSession(client, store), "file " + client.getRemoteSocketAddress()).start();
            } catch (IOException e) {
                // Closed by the shutdown hook: just stop. Anything else must not end the loop.
                if (!listener.isClosed()) {
                    LOG.warning(() -> "accept failed: " + e.getMessage());
                }
            }
        }
    }
}
