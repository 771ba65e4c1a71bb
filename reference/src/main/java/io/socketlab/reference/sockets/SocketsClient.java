package io.socketlab.reference.sockets;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.LineReader;
import io.socketlab.reference.common.LineReader.LineTooLongException;
import io.socketlab.reference.common.Lines;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/** The sockets client: sends lines, then {@code BYE}, and prints every line the server answers. */
public final class SocketsClient {

    private static final String PROGRAM = "sockets client";
    private static final String USAGE = "SocketsClient --host H --port N [MESSAGE...]";
    private static final byte[] BYE = "BYE".getBytes(StandardCharsets.UTF_8);
    private static final int ANSWER_TIMEOUT_MS = 10_000; // SOCK-11
    // Far above the protocol's 8192: a longer stdin line is still sent, so that the server can
    // answer it with ERR line-too-long, and a server's lines may be longer anyway.
    private static final int MAX_LINE_BYTES = 1 << 20;
    private static final String CLOSED_EARLY =
            "the server closed the connection before the exchange was over";
    private static final Logger LOG = Logger.getLogger(SocketsClient.class.getName());

    private final LineReader answers;
    private final OutputStream out;

    private SocketsClient(LineReader answers, OutputStream out) {
        this.answers = answers;
        this.out = out;
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
        }
    }

    private static void run(InetSocketAddress server, List<String> messages) throws Failure {
        try (Socket socket = new Socket()) {
            try {
                socket.connect(server, ANSWER_TIMEOUT_MS);
            } catch (IOException e) {
                throw Failure.incomplete("cannot connect to " + server.getHostString() + ":"
                        + server.getPort() + ": " + e.getMessage()); // SOCK-11
            }
            socket.setSoTimeout(ANSWER_TIMEOUT_MS);
            LOG.fine(() -> "connected to " + socket.getRemoteSocketAddress());
            LineReader answers = new LineReader(new BufferedInputStream(socket.getInputStream()),
                    MAX_LINE_BYTES);
            new SocketsClient(answers, socket.getOutputStream()).converse(messages);
        } catch (LineTooLongException e) {
            throw Failure.incomplete("cannot handle a " + e.getMessage());
        } catch (SocketTimeoutException e) {
            throw Failure.incomplete("no answer from the server within " + ANSWER_TIMEOUT_MS / 1000 + " s");
        } catch (IOException e) {
            throw Failure.incomplete("connection lost: " + e.getMessage());
        }
    }

    private void converse(List<String> messages) throws IOException, Failure {
        expectAnswer(); // SOCK-9: the greeting comes first
        // SOCK-9: lock-step, one answer per line; a line "BYE" is the final BYE sent below.
        if (messages.isEmpty()) {
            LineReader stdin = new LineReader(System.in, MAX_LINE_BYTES); // SOCK-10
            byte[] line;
            while ((line = stdin.readLine()) != null && !Arrays.equals(line, BYE)) {
                Lines.write(out, line);
                expectAnswer();
            }
        } else {
            for (String message : messages.stream().takeWhile(m -> !m.equals("BYE")).toList()) {
                Lines.write(out, message);
                expectAnswer();
            }
        }
        LOG.fine("every message answered: BYE");
        Lines.write(out, BYE);
        // SOCK-9: print everything up to the close, which must come after the server's BYE.
        boolean saidBye = false;
        for (byte[] line = printNextAnswer(); line != null; line = printNextAnswer()) {
            saidBye |= Arrays.equals(line, BYE);
        }
        if (!saidBye) {
            throw Failure.incomplete(CLOSED_EARLY); // SOCK-11
        }
    }

    /** Prints the answer the server owes now. */
    private void expectAnswer() throws IOException, Failure {
        if (printNextAnswer() == null) {
            throw Failure.incomplete(CLOSED_EARLY); // SOCK-11
        }
    }

    /** Prints the next line verbatim (or returns null at the close); an ERR line ends the run. */
    private byte[] printNextAnswer() throws IOException, Failure {
        byte[] line = answers.readLine();
        if (line != null) {
            Lines.write(System.out, line);
            String text = new String(line, StandardCharsets.UTF_8);
            if (text.equals("ERR") || text.startsWith("ERR ")) {
                throw Failure.refused("the server refused: " + text);
            }
        }
        return line;
    }
}
