package io.socketlab.reference.chat;

import io.socketlab.reference.common.LineReader;
import io.socketlab.reference.common.Lines;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** The chat client's keyboard: a thread that turns each stdin line into a command for the server (CHAT-11). */
final class ChatKeyboard implements Runnable {

    // Far above the server's 4096: a longer line is still sent, so that the server can refuse it.
    private static final int MAX_LINE_BYTES = 1 << 20;
    private static final String PRIVATE_PREFIX = "/msg ";
    private static final Logger LOG = Logger.getLogger(ChatKeyboard.class.getName());

    private final OutputStream server;
    // Written by this thread, read by the printing one: volatile makes the write visible there.
    private volatile long quitNanos;
    private volatile boolean quitSent;

    private ChatKeyboard(OutputStream server) {
        this.server = server;
    }

    /** Starts reading stdin; only this thread writes to {@code server} from now on. */
    static ChatKeyboard start(OutputStream server) {
        ChatKeyboard keyboard = new ChatKeyboard(server);
        Thread thread = new Thread(keyboard, "chat-keyboard");
        // Once the server has closed, the program ends even if stdin has not.
        thread.setDaemon(true);
        thread.start();
        return keyboard;
    }

    /** How long ago QUIT was sent, or -1 if it has not been. */
    long millisSinceQuit() {
        return quitSent ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - quitNanos) : -1;
    }

    @Override
    public void run() {
        LineReader stdin = new LineReader(System.in, MAX_LINE_BYTES);
        try {
            for (byte[] line = nextLine(stdin); line != null; line = nextLine(stdin)) {
                String text = new String(line, StandardCharsets.UTF_8);
                if (text.equals("/quit")) {
                    break;
                } else if (text.equals("/who")) {
                    Lines.write(server, "WHO");
                } else if (text.startsWith(PRIVATE_PREFIX)) {
                    // "/msg <nick> <text>" is "PRIV <nick> <text>": the rest goes as it is, bytes unchanged.
                    Lines.write(server, withPrefix("PRIV ", line, PRIVATE_PREFIX.length()));
                } else {
                    Lines.write(server, withPrefix("MSG ", line, 0));
                }
            }
            // /quit and the end of stdin both end the chat. Noted first: the close may follow at once.
            quitNanos = System.nanoTime();
            quitSent = true;
            LOG.fine("end of the input: QUIT");
            Lines.write(server, "QUIT");
        } catch (IOException e) {
            // The connection is gone: the printing thread's read fails too, and it reports that.
        }
    }

    /** The next stdin line, or null at its end; stdin that cannot be read ends like EOF. */
    private static byte[] nextLine(LineReader stdin) {
        try {
            return stdin.readLine();
        } catch (IOException e) {
            LOG.warning(() -> "stops reading stdin: " + e.getMessage());
            return null;
        }
    }

    /** {@code prefix} then {@code line} from {@code from} on: stdin's bytes are sent as they are. */
    private static byte[] withPrefix(String prefix, byte[] line, int from) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] command = new byte[head.length + line.length - from];
        System.arraycopy(head, 0, command, 0, head.length);
        System.arraycopy(line, from, command, head.length, line.length - from);
        return command;
    }
}
