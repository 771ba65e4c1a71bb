package io.socketlab.reference.chat;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import io.socketlab.reference.common.LineReader;
import io.socketlab.reference.common.Lines;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.logging.Logger;

/** The chat client: registers a nick, then prints what the server sends while a {@link ChatKeyboard} sends stdin. */
public final class ChatClient {

    private static final String PROGRAM = "chat client";
    private static final String USAGE = "ChatClient --host H --port N --nick NICK";
    private static final int ANSWER_TIMEOUT_MS = 10_000; // CHAT-13
    // The server's lines may be longer than a client's (a forwarded message has a prefix).
    private static final int MAX_LINE_BYTES = 1 << 20;
    private static final Logger LOG = Logger.getLogger(ChatClient.class.getName());

    private ChatClient() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--host", "--port", "--nick"), Set.of());
            args.expectNoPositionals();
            String nick = args.requiredValue("--nick");
            if (nick.contains("\n") || nick.contains("\r")) {
                throw args.usageError("a NICK cannot contain a line break");
            }
            run(args.serverAddress(), nick);
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        }
    }

    private static void run(InetSocketAddress server, String nick) throws Failure {
        try (Socket socket = new Socket()) {
            try {
                socket.connect(server, ANSWER_TIMEOUT_MS);
            } catch (IOException e) {
                throw Failure.incomplete("cannot connect to " + server.getHostString() + ":"
                        + server.getPort() + ": " + e.getMessage()); // CHAT-13
            }
            socket.setSoTimeout(ANSWER_TIMEOUT_MS);
            LineReader lines = new LineReader(new BufferedInputStream(socket.getInputStream()), MAX_LINE_BYTES);
            Lines.write(socket.getOutputStream(), "NICK " + nick); // CHAT-11
            awaitAcceptance(lines);
            // CHAT-11: stdin is read only now, on a thread of its own, so that this one prints
            // each line as it arrives, never waiting for the keyboard (CHAT-12).
            printUntilClosed(socket, lines, ChatKeyboard.start(socket.getOutputStream()));
        } catch (SocketTimeoutException e) {
            throw Failure.incomplete("no answer from the server within " + ANSWER_TIMEOUT_MS / 1000 + " s");
        } catch (IOException e) {
            throw Failure.incomplete("connection lost: " + e.getMessage());
        }
    }

    /** CHAT-13: prints the answer to NICK; OK lets the chat begin, ERR ends the run with exit code 1. */
    private static void awaitAcceptance(LineReader lines) throws IOException, Failure {
        while (true) {
            byte[] line = lines.readLine();
            if (line == null) {
                throw Failure.incomplete("the server closed the connection before accepting the nick");
            }
            String text = new String(line, StandardCharsets.UTF_8);
            Lines.write(System.out, format(text));
            if (text.startsWith("OK ")) {
                LOG.fine("the nick is accepted: the chat begins");
                return;
            }
            if (text.equals("ERR") || text.startsWith("ERR ")) {
                throw Failure.refused("the server refused the nick: " + text);
            }
        }
    }

    /** CHAT-12: prints every line until the server closes, which must come after QUIT (CHAT-13). */
    private static void printUntilClosed(Socket socket, LineReader lines, ChatKeyboard keyboard)
            throws IOException, Failure {
        while (true) {
            byte[] line;
            try {
                line = lines.readLine();
            } catch (SocketTimeoutException e) {
                // Before QUIT nothing is owed, however quiet the chat; after it, the close is owed
                // within 10 s of QUIT: wait just the time that is left.
                long sinceQuit = keyboard.millisSinceQuit();
                if (sinceQuit >= ANSWER_TIMEOUT_MS) {
                    throw Failure.incomplete("the server did not close the connection within "
                            + ANSWER_TIMEOUT_MS / 1000 + " s of QUIT");
                }
                socket.setSoTimeout(sinceQuit < 0 ? ANSWER_TIMEOUT_MS : (int) (ANSWER_TIMEOUT_MS - sinceQuit));
                continue;
            }
            if (line == null) {
                LOG.fine("the server closed the connection");
                break;
            }
            Lines.write(System.out, format(new String(line, StandardCharsets.UTF_8)));
        }
        if (keyboard.millisSinceQuit() < 0) {
            throw Failure.incomplete("the server closed the connection before QUIT");
        }
    }

    /** CHAT-12: how a server line is shown; a line of any other form is shown as received. */
    static String format(String line) {
        String[] words = line.split(" ", 2);
        if (words.length < 2) {
            return line;
        }
        String rest = words[1];
        String[] fromAndText = rest.split(" ", 2);
        String from = fromAndText[0];
        String text = fromAndText.length == 2 ? fromAndText[1] : "";
        return switch (words[0]) {
            case "OK" -> "* connected as " + rest;
            case "MSG" -> "[" + from + "] " + text;
            case "PRIV" -> "[" + from + "] (private) " + text;
            case "JOIN" -> "* " + rest + " joined";
            case "LEAVE" -> "* " + rest + " left";
            case "USERS" -> "* users: " + rest;
            case "ERR" -> "! " + rest;
            default -> line;
        };
    }
}
