package io.socketlab.student.sockets;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/** The sockets client: sends lines, then {@code BYE}, and prints every line the server answers. */
public final class SocketsClient {

    private static final Logger LOG = Logger.getLogger(SocketsClient.class.getName());

    private static final String PROGRAM = "sockets client";
    private static final String USAGE = "SocketsClient --host H --port N [MESSAGE...]";
    private static final int ANSWER_TIMEOUT_MS = 10_000; // SOCK-11

    private SocketsClient() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--host", "--port"), Set.of());
            List<String> messages = args.positionals();
            if (messages.stream().anyMatch(message -> message.contains("\n") || message.contains("\r"))) {
                throw args.usageError("a MESSAGE is one line: it cannot contain a line break");
            }
            run(args.serverAddress(), messages);
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/sockets.md)");
            System.exit(1);
        }
    }

    /**
     * Connects to {@code server}, sends each message (or, with none, each stdin line), then
     * {@code BYE}, and prints every line the server sends until it closes.
     *
     * @throws Failure when the exchange fails: {@code Failure.refused} (exit 1) for an ERR reply,
     *     {@code Failure.incomplete} (exit 2) for everything in SOCK-11
     */
    private static void run(InetSocketAddress server, List<String> messages) throws Failure {
        // TODO(SOCK-11): a Socket in try-with-resources; connect(server, ANSWER_TIMEOUT_MS) and
        //   setSoTimeout(ANSWER_TIMEOUT_MS). Connection refused, SocketTimeoutException (10 s
        //   without an owed answer) and the server closing early are Failure.incomplete(...).
        // TODO(SOCK-9): read the greeting and print it; then send each message as a line
        //   (message.getBytes(StandardCharsets.UTF_8)) and print the answer to each before
        //   sending the next; then send BYE and print every line until the server closes. A
        //   MESSAGE "BYE" is that final BYE: later ones are not sent. Print the bytes as
        //   received (System.out.write) and flush after each line.
        // TODO(SOCK-10): with no MESSAGE, read stdin lines with a LineReader over System.in.
        // TODO: an answer starting with "ERR" is printed, then Failure.refused(...).
        throw new UnsupportedOperationException("not implemented yet: see specs/sockets.md");
    }
}
