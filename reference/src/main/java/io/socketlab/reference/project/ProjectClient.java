package io.socketlab.reference.project;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.LineReader;
import io.socketlab.reference.common.Lines;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** The key-value client: sends each COMMAND argument as one line, prints each reply, then says {@code QUIT}. */
public final class ProjectClient {

    private static final String PROGRAM = "key-value client";
    private static final String USAGE = "ProjectClient --host H --port N COMMAND...";
    private static final String HELP = """
            Usage: %s
            Sends each COMMAND (e.g. "PUT colour blue", "GET colour") to a key-value server and prints each reply.
            Exit codes: 0 every command succeeded; 1 the server answered ERR; 2 usage or connection problem.
            Options:
              --host H   the server's address (default: 127.0.0.1)
              --port N   the server's port (required)
              --help     print this help and exit""".formatted(USAGE);
    private static final int ANSWER_TIMEOUT_MS = 10_000;
    private static final int MAX_LINE_BYTES = 1 << 20;

    private ProjectClient() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--host", "--port"), Set.of("--help"));
            if (args.flag("--help")) {
                System.out.println(HELP); // PROJ-7
                return;
            }
            if (args.positionals().isEmpty()) {
                throw args.usageError("give at least one COMMAND");
            }
            run(args.serverAddress(), args.positionals(), System.out);
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        }
    }

    /** Sends {@code commands} to {@code server} and prints the replies on {@code out}. */
    static void run(InetSocketAddress server, List<String> commands, PrintStream out) throws Failure {
        boolean refused = false;
        try (Socket socket = new Socket()) {
            try {
                socket.connect(server, ANSWER_TIMEOUT_MS);
            } catch (IOException e) {
                throw Failure.incomplete("cannot connect to " + server.getHostString() + ":" + server.getPort()
                        + ": " + e.getMessage()); // PROJ-8
            }
            socket.setSoTimeout(ANSWER_TIMEOUT_MS);
            LineReader replies = new LineReader(new BufferedInputStream(socket.getInputStream()), MAX_LINE_BYTES);
            for (String command : commands) {
                Lines.write(socket.getOutputStream(), command);
                String reply = readReply(replies);
                out.println(reply);
                refused |= reply.startsWith("ERR");
            }
            Lines.write(socket.getOutputStream(), "QUIT");
            readReply(replies);
        } catch (IOException e) {
            throw Failure.incomplete("connection lost: " + e.getMessage());
        }
        if (refused) {
            throw Failure.refused("the server refused a command");
        }
    }

    private static String readReply(LineReader replies) throws IOException, Failure {
        byte[] reply = replies.readLine();
        if (reply == null) {
            throw Failure.incomplete("the server closed the connection before answering");
        }
        return new String(reply, StandardCharsets.UTF_8);
    }
}
