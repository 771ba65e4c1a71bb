package io.socketlab.student.chat;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.logging.Logger;

/** The chat client: registers a nick, then prints what the server sends while a {@link ChatKeyboard} sends stdin. */
public final class ChatClient {

    private static final Logger LOG = Logger.getLogger(ChatClient.class.getName());

    private static final String PROGRAM = "chat client";
    private static final String USAGE = "ChatClient --host H --port N --nick NICK";
    private static final int ANSWER_TIMEOUT_MS = 10_000; // CHAT-13
    // The server's lines may be longer than a client's (a forwarded message has a prefix).
    private static final int MAX_LINE_BYTES = 1 << 20;

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
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/chat.md)");
            System.exit(1);
        }
    }

    /**
     * Registers {@code nick}, then chats until the server closes the connection after QUIT.
     *
     * @throws Failure {@code Failure.refused} (exit 1) when the nick is refused,
     *     {@code Failure.incomplete} (exit 2) for everything else in CHAT-13
     */
    private static void run(InetSocketAddress server, String nick) throws Failure {
        // TODO(CHAT-13): a Socket in try-with-resources; connect(server, ANSWER_TIMEOUT_MS) and
        //   setSoTimeout(ANSWER_TIMEOUT_MS). Connection refused, 10 s without an owed answer
        //   (SocketTimeoutException) and any other IOException are Failure.incomplete(...).
        // TODO(CHAT-11): send "NICK <nick>", then read the server's lines (a LineReader over a
        //   BufferedInputStream, MAX_LINE_BYTES) and print each one formatted, until "OK ...":
        //   an "ERR ..." line is Failure.refused(...) (exit 1), the close is Failure.incomplete.
        // TODO(CHAT-11): only now start reading stdin: ChatKeyboard.start(socket.getOutputStream()).
        // TODO(CHAT-12): in THIS thread, print every line the server sends, formatted, as it
        //   arrives (Lines.write(System.out, ...) flushes), until the server closes.
        // TODO(CHAT-13): a close before QUIT was sent is Failure.incomplete(...). While chatting
        //   nothing is owed: on SocketTimeoutException just read again, unless QUIT was sent
        //   10 s ago or more (keyboard.millisSinceQuit()): then it is Failure.incomplete(...).
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }

    /** CHAT-12: how a server line is shown; a line of any other form is shown as received. */
    static String format(String line) {
        // TODO(CHAT-12): split the line at its first space into a keyword and the rest (a line
        //   without a space is shown as received). "OK n" -> "* connected as n"; "MSG a t" ->
        //   "[a] t"; "PRIV a t" -> "[a] (private) t" (the nick ends at the next space, the text
        //   is everything after it, possibly empty); "JOIN a" -> "* a joined"; "LEAVE a" ->
        //   "* a left"; "USERS a b" -> "* users: a b"; "ERR x" -> "! x"; anything else as is.
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }
}
