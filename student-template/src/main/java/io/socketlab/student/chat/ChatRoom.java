package io.socketlab.student.chat;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Who is in the chat under which nick, and delivery to them. One lock, this object's monitor,
 * guards the registry, so that every member sees JOIN, MSG and LEAVE in one consistent order.
 *
 * <p>Holding the lock while delivering is cheap and safe: delivery only queues a line in the
 * recipient's {@link Outbox}, which never blocks. Never write to a socket here.
 */
final class ChatRoom {

    private static final Logger LOG = Logger.getLogger(ChatRoom.class.getName());

    // CHAT-6: a TreeMap keeps the nicks sorted. String.compareTo compares UTF-16 units, which
    // differs from code point order only for characters beyond U+FFFF; nicks are ASCII.
    private final SortedMap<String, Outbox> members = new TreeMap<>();

    /**
     * CHAT-1, CHAT-3: registers {@code nick}, answers {@code OK} and tells everyone else
     * {@code JOIN}; returns false, and does nothing, if the nick is taken.
     */
    synchronized boolean join(String nick, Outbox outbox) {
        // TODO(CHAT-1): a nick already in members: return false. Checking and taking the nick
        //   in one synchronized method makes them one step: two clients asking for the same nick
        //   at the same moment cannot both get it.
        // TODO(CHAT-1): outbox.send("OK " + nick) first, while the newcomer is not yet in
        //   members: then no line from the others can reach it before its OK.
        // TODO(CHAT-3): send "JOIN <nick>" to every member (the newcomer is not one yet), then
        //   put the newcomer in members and return true.
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }

    /** CHAT-7: removes {@code nick}; everyone else receives {@code LEAVE}. */
    synchronized void leave(String nick) {
        // TODO(CHAT-7): remove nick from members, then send "LEAVE <nick>" to every member.
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }

    /**
     * CHAT-4: {@code MSG <from> <text>} to every member but the sender. One sender's lines are
     * queued in the order it sends them, and each outbox sends in queue order: they arrive in order.
     */
    synchronized void broadcast(String from, String text) {
        // TODO(CHAT-4): send "MSG " + from + " " + text to every member whose nick is not from.
        //   Iterating under the lock (this method is synchronized) is what keeps a client that
        //   joins or leaves meanwhile from breaking the loop (ConcurrentModificationException).
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }

    /** CHAT-5: {@code PRIV <from> <text>} to {@code to}; false if there is no such member. */
    synchronized boolean sendPrivate(String from, String to, String text) {
        // TODO(CHAT-5): look `to` up exactly (case-sensitive); send it "PRIV " + from + " " + text.
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }

    /** CHAT-6: {@code USERS} and every registered nick, sorted. */
    synchronized String who() {
        // TODO(CHAT-6): "USERS " and the nicks of members (already sorted), separated by spaces.
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }
}
