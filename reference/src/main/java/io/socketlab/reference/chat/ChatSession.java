package io.socketlab.reference.chat;

import io.socketlab.reference.common.LineReader;
import io.socketlab.reference.common.LineReader.LineTooLongException;
import io.socketlab.reference.common.LingeringClose;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/** One chat connection, on its reader thread: reads the client's commands and answers them. */
final class ChatSession implements Runnable {

    private static final int MAX_LINE_BYTES = 4096; // CHAT-8
    private static final Pattern NICK = Pattern.compile("[A-Za-z0-9_-]{1,16}"); // CHAT-1
    private static final Logger LOG = Logger.getLogger(ChatSession.class.getName());

    private final Socket socket;
    private final String peer; // for the log: which client a record is about
    private final ChatRoom room;
    private Outbox outbox; // every line to this client goes through it, replies included
    private String nick; // null until registered

    ChatSession(Socket socket, ChatRoom room) {
        this.socket = socket;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
        this.room = room;
    }

    @Override
    public void run() {
        // No read timeout on purpose: a chat client may stay silent as long as it likes.
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream())) {
            socket.setTcpNoDelay(true); // chat is interactive: each line leaves at once
            outbox = Outbox.start(socket);
            LOG.fine(() -> peer + ": connection opened");
            try {
                converse(new LineReader(in, MAX_LINE_BYTES));
            } finally {
                // CHAT-7: QUIT, a close, a reset or a drop: in every case the others get LEAVE,
                // and the lines already queued for this client go out before the close.
                if (nick != null) {
                    room.leave(nick);
                }
                outbox.finish();
            }
            LingeringClose.drain(socket, in);
            LOG.fine(() -> peer + ": connection closed");
        } catch (IOException e) {
            LOG.fine(() -> peer + ": connection lost: " + e.getMessage()); // only this client is affected
        }
    }

    /** Answers commands until QUIT, the end of the stream, or a line too long. */
    private void converse(LineReader lines) throws IOException {
        while (true) {
            byte[] line;
            try {
                line = lines.readLine();
            } catch (LineTooLongException e) {
                LOG.fine(() -> peer + ": a line over " + MAX_LINE_BYTES + " bytes: ERR, then close");
                outbox.send("ERR line-too-long"); // CHAT-8: then close
                return;
            }
            if (line == null) {
                LOG.fine(() -> peer + ": left without QUIT");
                return; // CHAT-7
            }
            String text = decode(line);
            if (text == null) {
                LOG.fine(() -> peer + ": a line that is not UTF-8");
                outbox.send("ERR bad-utf8"); // CHAT-8: the connection stays usable
            } else if (!serve(text)) {
                return;
            }
        }
    }

    /** Answers one command; returns false for QUIT. */
    private boolean serve(String line) {
        // A command is the line's first word; WHO and QUIT ignore anything after it.
        int space = line.indexOf(' ');
        String command = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? "" : line.substring(space + 1);
        LOG.finer(() -> peer + ": " + command + (nick == null ? " before NICK" : " from " + nick));
        if (command.equals("QUIT")) {
            return false; // CHAT-2, CHAT-7: no reply, registered or not
        }
        if (command.equals("NICK")) {
            register(argument);
        } else if (nick == null) {
            outbox.send("ERR nick-required"); // CHAT-2
        } else if (command.equals("MSG")) {
            room.broadcast(nick, argument); // CHAT-4: "MSG" alone is an empty text, forwarded too
        } else if (command.equals("PRIV")) {
            // CHAT-5: "PRIV <nick>" without a text sends an empty one.
            String[] toAndText = argument.split(" ", 2);
            if (!room.sendPrivate(nick, toAndText[0], toAndText.length == 2 ? toAndText[1] : "")) {
                LOG.fine(() -> peer + ": PRIV to " + toAndText[0] + ", who is not here");
                outbox.send("ERR no-such-nick");
            }
        } else if (command.equals("WHO")) {
            outbox.send(room.who()); // CHAT-6
        } else {
            LOG.fine(() -> peer + ": unknown command " + command);
            outbox.send("ERR unknown-command"); // CHAT-8
        }
        return true;
    }

    /** CHAT-1, CHAT-2: a refused nick may be tried again; a registered client cannot change it. */
    private void register(String wanted) {
        if (nick != null) {
            outbox.send("ERR already-registered");
        } else if (!NICK.matcher(wanted).matches()) {
            outbox.send("ERR nick-invalid");
        } else if (room.join(wanted, outbox)) {
            nick = wanted; // the room has answered OK
        } else {
            outbox.send("ERR nick-taken");
        }
        LOG.fine(() -> peer + ": NICK " + wanted + (wanted.equals(nick) ? " accepted" : " refused"));
    }

    /** The line as text, or null if it is not valid UTF-8 (the lenient String constructor would hide that). */
    private static String decode(byte[] line) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
