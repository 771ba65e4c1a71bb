package io.socketlab.reference.chat;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Who is in the chat under which nick, and delivery to them. One lock, this object's monitor,
 * guards the registry, so that every member sees JOIN, MSG and LEAVE in one consistent order.
 *
 * <p>Holding the lock while delivering is cheap and safe: delivery only queues a line in the
 * recipient's {@link Outbox}, which never blocks. Locks are always taken in the order room, then
 * outbox (never the reverse), so the two cannot deadlock.
 */
final class ChatRoom {

    // CHAT-6: a TreeMap keeps the nicks sorted. String.compareTo compares UTF-16 units, which
    // differs from code point order only for characters beyond U+FFFF; nicks are ASCII.
    private static final Logger LOG = Logger.getLogger(ChatRoom.class.getName());

    private final SortedMap<String, Outbox> members = new TreeMap<>();

    /**
     * CHAT-1, CHAT-3: registers {@code nick}, answers {@code OK} and tells everyone else
     * {@code JOIN}; returns false, and does nothing, if the nick is taken.
     */
    synchronized boolean join(String nick, Outbox outbox) {
        if (members.containsKey(nick)) {
            return false;
        }
        // OK is queued before the newcomer becomes visible to the others, so no line they send can
        // overtake it: a client's first answer to NICK is always OK.
        outbox.send("OK " + nick);
        sendToAll("JOIN " + nick); // not yet a member: the newcomer does not get its own JOIN
        members.put(nick, outbox);
        LOG.fine(() -> nick + " joined: " + members.size() + " in the room");
        return true;
    }

    /** CHAT-7: removes {@code nick}; everyone else receives {@code LEAVE}. */
    synchronized void leave(String nick) {
        members.remove(nick);
        sendToAll("LEAVE " + nick);
        LOG.fine(() -> nick + " left: " + members.size() + " in the room");
    }

    /**
     * CHAT-4: {@code MSG <from> <text>} to every member but the sender. One sender's lines are
     * queued in the order it sends them, and each outbox sends in queue order: they arrive in order.
     */
    synchronized void broadcast(String from, String text) {
        String line = "MSG " + from + " " + text;
        LOG.finer(() -> "MSG from " + from + " to " + (members.size() - 1) + " others");
        for (Map.Entry<String, Outbox> member : members.entrySet()) {
            if (!member.getKey().equals(from)) {
                member.getValue().send(line);
            }
        }
    }

    /** CHAT-5: {@code PRIV <from> <text>} to {@code to}; false if there is no such member. */
    synchronized boolean sendPrivate(String from, String to, String text) {
        Outbox recipient = members.get(to);
        if (recipient == null) {
            return false;
        }
        recipient.send("PRIV " + from + " " + text);
        return true;
    }

    /** CHAT-6: {@code USERS} and every registered nick, sorted. */
    synchronized String who() {
        return "USERS " + String.join(" ", members.keySet());
    }

    private void sendToAll(String line) {
        members.values().forEach(outbox -> outbox.send(line));
    }
}
