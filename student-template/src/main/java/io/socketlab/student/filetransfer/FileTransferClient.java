package io.socketlab.student.filetransfer;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The file client: {@code put}, {@code get} or {@code list}, one command per run. */
public final class FileTransferClient {

    private static final String PROGRAM = "file-transfer client";
    private static final String USAGE = "FileTransferClient --host H --port N (put FILE [NAME] | get NAME OUT | list)";
    private static final int ANSWER_TIMEOUT_MS = 10_000; // FT-13

    /** What one run says to the server, once connected. */
    private interface Command {
        void run(FileTransferConnection connection) throws IOException, Failure;
    }

    private FileTransferClient() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--host", "--port"), Set.of());
            List<String> words = args.positionals();
            String command = words.isEmpty() ? "" : words.get(0);
            if (command.equals("put") && (words.size() == 2 || words.size() == 3)) {
                Path file = Path.of(words.get(1));
                // TODO(FT-10): a FILE that is not a readable regular file is a usage error
                //   (throw args.usageError(...): exit code 2), found before connecting.
                String name = words.size() == 3 ? words.get(2) : file.getFileName().toString();
                converse(args.serverAddress(), client -> client.put(file, name));
            } else if (command.equals("get") && words.size() == 3) {
                Path target = Path.of(words.get(2)).toAbsolutePath();
                // TODO(FT-11): OUT's folder must exist and OUT must not be a folder: otherwise a
                //   usage error, found before connecting.
                converse(args.serverAddress(), client -> client.get(words.get(1), target));
            } else if (command.equals("list") && words.size() == 1) {
                converse(args.serverAddress(), FileTransferConnection::list);
            } else {
                throw args.usageError("expected put FILE [NAME], get NAME OUT or list");
            }
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/file-transfer.md)");
            System.exit(1);
        }
    }

    /**
     * Connects to {@code server} and runs {@code command} over the connection.
     *
     * @throws Failure {@code Failure.incomplete} (exit 2) for everything in FT-13, or whatever
     *     {@code command} throws
     */
    private static void converse(InetSocketAddress server, Command command) throws Failure {
        // TODO(FT-13): a Socket in try-with-resources; connect(server, ANSWER_TIMEOUT_MS) and
        //   setSoTimeout(ANSWER_TIMEOUT_MS). Connection refused, 10 s of silence
        //   (SocketTimeoutException) and any other IOException are Failure.incomplete(...).
        // TODO: command.run(new FileTransferConnection(socket)).
        throw new UnsupportedOperationException("not implemented yet: see specs/file-transfer.md");
    }
}
