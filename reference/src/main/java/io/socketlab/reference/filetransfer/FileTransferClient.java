package io.socketlab.reference.filetransfer;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
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
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    throw args.usageError("cannot read the file " + file); // FT-10: before connecting
                }
                String name = words.size() == 3 ? words.get(2) : file.getFileName().toString();
                converse(args.serverAddress(), client -> client.put(file, name));
            } else if (command.equals("get") && words.size() == 3) {
                Path target = Path.of(words.get(2)).toAbsolutePath();
                if (!Files.isDirectory(target.getParent()) || Files.isDirectory(target)) {
                    throw args.usageError("cannot write the file " + target);
                }
                converse(args.serverAddress(), client -> client.get(words.get(1), target));
            } else if (command.equals("list") && words.size() == 1) {
                converse(args.serverAddress(), FileTransferConnection::list);
            } else {
                throw args.usageError("expected put FILE [NAME], get NAME OUT or list");
            }
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        }
    }

    private static void converse(InetSocketAddress server, Command command) throws Failure {
        try (Socket socket = new Socket()) {
            try {
                socket.connect(server, ANSWER_TIMEOUT_MS);
            } catch (IOException e) {
                throw Failure.incomplete("cannot connect to " + server.getHostString() + ":"
                        + server.getPort() + ": " + e.getMessage()); // FT-13
            }
            socket.setSoTimeout(ANSWER_TIMEOUT_MS);
            command.run(new FileTransferConnection(socket));
        } catch (SocketTimeoutException e) {
            throw Failure.incomplete("no answer from the server within " + ANSWER_TIMEOUT_MS / 1000 + " s");
        } catch (IOException e) {
            throw Failure.incomplete("connection lost: " + e.getMessage());
        }
    }
}
