package io.socketlab.student.chat;

import java.net.Socket;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/** One chat connection, on its reader thread: reads the client's commands and answers them. */
final class ChatSession implements Runnable {

    private static final Logger LOG = Logger.getLogger(ChatSession.class.getName());

    private static final int MAX_LINE_BYTES = 4096; // CHAT-8
    private static final Pattern NICK = Pattern.compile("[A-Za-z0-9_-]{1,16}"); // CHAT-1

    private final Socket socket;
    private final ChatRoom room;

    ChatSession(Socket socket, ChatRoom room) {
        this.socket = socket;
        this.room = room;
    }

    @Override
    public void run() {
        // TODO: narrate the protocol in the log (docs/logging.md): LOG.fine(...) when the connection
        //   opens and closes and at each decision (a refusal, an error answer), LOG.finer(...) per message.
        // TODO: open the socket's input in try-with-resources (`try (socket; InputStream in =
        //   new BufferedInputStream(socket.getInputStream()))` closes the socket too). No read
        //   timeout: a chat client may stay silent as long as it likes.
        // TODO(CHAT-4): Outbox.start(socket). EVERY line to this client goes through its outbox,
        //   replies included: its writer thread is the only one that writes to this socket.
        // TODO(CHAT-8): read lines with a LineReader(in, MAX_LINE_BYTES). A line is its command
        //   (the text before the first space) and its argument (everything after that space).
        //   Decode strictly: StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line))
        //   throws CharacterCodingException on invalid UTF-8; answer "ERR bad-utf8" and go on.
        // TODO(CHAT-1, CHAT-2): NICK <nick>: "ERR already-registered" once registered; a nick
        //   that NICK.matcher(nick).matches() rejects is "ERR nick-invalid"; otherwise
        //   room.join(nick, outbox), or "ERR nick-taken" if it returns false.
        // TODO(CHAT-2): before registration, every command but NICK and QUIT gets
        //   "ERR nick-required".
        // TODO(CHAT-4, CHAT-5, CHAT-6): MSG <text> (MSG alone: an empty text) is
        //   room.broadcast(nick, text); PRIV <nick> <text> is room.sendPrivate(...), or
        //   "ERR no-such-nick"; WHO is outbox.send(room.who()); anything else is
        //   "ERR unknown-command".
        // TODO(CHAT-7, CHAT-8): QUIT, the end of the stream, or a LineTooLongException (answer
        //   "ERR line-too-long" first) end the session. In a finally block, however the session
        //   ends (an IOException such as a reset included): room.leave(nick) if registered, then
        //   outbox.finish(), so that the lines already queued go out before the close.
        // TODO(CHAT-7): before the close, LingeringClose.drain(socket, in): closing with unread
        //   input sends a TCP reset, which can destroy the last lines before the client reads them.
        // TODO(CHAT-8): catch IOException and log it (LOG.fine): it ends this connection only.
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }
}
