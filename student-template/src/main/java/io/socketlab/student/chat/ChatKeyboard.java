package io.socketlab.student.chat;

import java.io.OutputStream;
import java.util.logging.Logger;

/** The chat client's keyboard: a thread that turns each stdin line into a command for the server (CHAT-11). */
final class ChatKeyboard implements Runnable {

    private static final Logger LOG = Logger.getLogger(ChatKeyboard.class.getName());

    // Far above the server's 4096: a longer line is still sent, so that the server can refuse it.
    private static final int MAX_LINE_BYTES = 1 << 20;

    private final OutputStream server;

    private ChatKeyboard(OutputStream server) {
        this.server = server;
    }

    /** Starts reading stdin; only this thread writes to {@code server} from now on. */
    static ChatKeyboard start(OutputStream server) {
        // TODO(CHAT-11): create the keyboard and start a Thread running it. Make it a daemon
        //   (setDaemon(true)), so that the program can end once the server has closed, even
        //   though this thread is still blocked reading stdin.
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }

    /** How long ago QUIT was sent, or -1 if it has not been. */
    long millisSinceQuit() {
        // TODO(CHAT-13): this thread notes when it sends QUIT (System.nanoTime()) and the printing
        //   thread reads it: make those fields volatile, or the printing thread may never see them.
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }

    @Override
    public void run() {
        // TODO(CHAT-11): read stdin lines with a LineReader(System.in, MAX_LINE_BYTES) and send
        //   each one with Lines.write(server, ...): "/who" -> "WHO"; a line starting with "/msg "
        //   -> "PRIV " and the rest of the line; anything else -> "MSG " and the line, its bytes
        //   unchanged (an empty line included).
        // TODO(CHAT-11): "/quit" or the end of stdin: note the time, then send "QUIT" and stop.
        // TODO: an IOException means the connection is gone: just stop; the printing thread's
        //   read fails too, and it reports that.
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }
}
