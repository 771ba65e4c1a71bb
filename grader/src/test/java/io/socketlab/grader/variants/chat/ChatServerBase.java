package io.socketlab.grader.variants.chat;

import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
import io.socketlab.grader.variants.VariantSupport.LineTooLongException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Correct chat server (a reader thread per connection, a per-client outbound queue drained by its
 * own writer thread, fan-out under one room lock); each broken variant overrides exactly one of
 * the package-private hooks below.
 */
abstract class ChatServerBase {

    static final int MAX_LINE_BYTES = 4096;
    static final long MAX_BACKLOG_BYTES = 1 << 20;
    static final long STALL_NANOS = 1_000_000_000L;
    private static final Pattern NICK = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    /** Guards {@link #members} and every client's nick; fan-out happens under it. */
    final Object room = new Object();
    /** Registered clients by {@link #nickKey}, in join order; guarded by {@link #room}. */
    final Map<String, Client> members = new LinkedHashMap<>();
    /** Every open connection, registered or not; guarded by {@link #room}. */
    final List<Client> connections = new ArrayList<>();

    final void run(String[] argv) throws IOException {
        Args args = VariantSupport.parse(argv, Set.of("--port", "--host"), Set.of());
        if (!args.positional().isEmpty()) {
            VariantSupport.die(2, "usage error: unexpected argument " + args.positional().get(0));
        }
        int port = args.port();
        VariantSupport.exitZeroOnSigterm();
        try (ServerSocket server = VariantSupport.listen(args.get("--host", null), port)) {
            while (true) {
                Socket socket = server.accept();
                new Thread(() -> serve(socket), "chat-reader").start();
            }
        }
    }

    /** One connection: its socket, its nick once registered, and its outbound queue. */
    static final class Client {
        private static final byte[] CLOSE = new byte[0];

        final Socket socket;
        final OutputStream out;
        /** Decides when this client has stopped reading. */
        private final ChatServerBase server;
        /** Null until registered; written by the client's own reader thread under {@link #room}. */
        String nick;
        private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
        private final AtomicLong backlog = new AtomicLong();
        /** When the write in progress started (System.nanoTime()), 0 when the writer is idle. */
        private volatile long writingSince;
        private volatile boolean dead;

        Client(ChatServerBase server, Socket socket) throws IOException {
            this.server = server;
            this.socket = socket;
            this.out = socket.getOutputStream();
            Thread writer = new Thread(this::drain, "chat-writer");
            writer.setDaemon(true);
            writer.start();
        }

        /**
         * Queues one line (never blocks). A client that has stopped reading ({@link ChatServerBase#stuck}) is
         * disconnected instead (its reader then reports LEAVE).
         */
        void send(String line) {
            if (dead) {
                return;
            }
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            long queued = backlog.addAndGet(bytes.length);
            if (server.stuck(queued, writingSince)) {
                System.err.println("disconnecting a client that stopped reading");
                kill();
                return;
            }
            queue.add(bytes);
        }

        /** Sends what is already queued, then FIN, then closes (QUIT, line-too-long, EOF). */
        void finish() {
            queue.add(CLOSE);
        }

        /** Closes at once (reset, broken pipe, stalled reader). */
        void kill() {
            dead = true;
            VariantSupport.closeQuietly(socket);
            queue.add(CLOSE);
        }

        private void drain() {
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            try {
                while (true) {
                    byte[] first = queue.take();
                    if (first == CLOSE || dead) { // a dead client's queue is discarded
                        if (dead) {
                            VariantSupport.closeQuietly(socket);
                        } else {
                            VariantSupport.closeGracefully(socket);
                        }
                        return;
                    }
                    batch.reset();
                    batch.write(first);
                    byte[] next;
                    while (batch.size() < 64 * 1024 && (next = queue.peek()) != null && next != CLOSE) {
                        batch.write(queue.poll());
                    }
                    writingSince = System.nanoTime();
                    synchronized (out) {
                        out.write(batch.toByteArray());
                        out.flush();
                    }
                    writingSince = 0;
                    backlog.addAndGet(-batch.size());
                }
            } catch (IOException e) {
                kill(); // the reader sees the close and reports LEAVE
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serve(Socket socket) {
        Client client;
        try {
            client = new Client(this, socket);
        } catch (IOException e) {
            VariantSupport.closeQuietly(socket);
            return;
        }
        synchronized (room) {
            connections.add(client);
        }
        try {
            converse(client);
        } finally {
            synchronized (room) {
                connections.remove(client);
            }
        }
    }

    private void converse(Client client) {
        Socket socket = client.socket;
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (true) {
                byte[] line;
                try {
                    line = nextLine(in);
                } catch (LineTooLongException e) {
                    client.send("ERR line-too-long");
                    leave(client);
                    client.finish();
                    return;
                }
                if (line == null) { // EOF without QUIT
                    onAbruptEnd(client);
                    client.finish();
                    return;
                }
                String text = VariantSupport.decodeUtf8(VariantSupport.stripCr(line));
                if (text == null) {
                    if (!onInvalidUtf8(client)) {
                        return;
                    }
                } else if (!handle(client, text)) { // QUIT
                    onQuit(client);
                    return;
                }
            }
        } catch (IOException e) { // reset, or closed by the writer
            onAbruptEnd(client);
            client.kill();
        }
    }

    /** Handles one command line; false on QUIT. */
    private boolean handle(Client client, String line) {
        int space = line.indexOf(' ');
        String command = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? "" : line.substring(space + 1);
        if (command.equals("QUIT")) {
            return false;
        }
        if (client.nick == null && !command.equals("NICK")) {
            client.send("ERR nick-required");
            return true;
        }
        switch (command) {
            case "NICK" -> register(client, argument);
            case "MSG" -> {
                synchronized (room) {
                    for (Client recipient : msgRecipients(client)) {
                        deliver(recipient, "MSG " + client.nick + " " + argument);
                    }
                }
            }
            case "PRIV" -> {
                int cut = argument.indexOf(' ');
                String to = cut < 0 ? argument : argument.substring(0, cut);
                String text = cut < 0 ? "" : argument.substring(cut + 1);
                synchronized (room) {
                    Client target = members.get(nickKey(to));
                    if (target == null) {
                        client.send("ERR no-such-nick");
                    } else {
                        for (Client recipient : privRecipients(client, target)) {
                            deliver(recipient, "PRIV " + client.nick + " " + text);
                        }
                    }
                }
            }
            case "WHO" -> {
                synchronized (room) {
                    List<String> nicks = new ArrayList<>();
                    for (Client member : members.values()) {
                        nicks.add(member.nick);
                    }
                    client.send("USERS " + String.join(" ", whoOrder(nicks)));
                }
            }
            default -> client.send("ERR unknown-command");
        }
        return true;
    }

    private void register(Client client, String nick) {
        if (client.nick != null) {
            client.send("ERR already-registered");
            return;
        }
        if (!validNick(nick)) {
            client.send("ERR nick-invalid");
            return;
        }
        take(client, nick);
    }

    /** Hook: registers a valid nick if it is free. Correct: checked, taken, answered and announced in one step. */
    void take(Client client, String nick) {
        synchronized (room) {
            String key = nickKey(nick);
            if (members.containsKey(key)) {
                client.send("ERR nick-taken");
                return;
            }
            client.nick = nick;
            members.put(key, client);
            client.send("OK " + nick);
            announceJoin(client);
        }
    }

    /** The registered clients other than {@code client}; call with {@link #room} held. */
    final List<Client> others(Client client) {
        List<Client> others = new ArrayList<>(members.values());
        others.remove(client);
        return others;
    }

    /** Unregisters {@code client}; true if it was registered. Call with {@link #room} held. */
    final boolean remove(Client client) {
        return client.nick != null && members.remove(nickKey(client.nick), client);
    }

    /** Unregisters {@code client} and tells the others {@code LEAVE}. */
    final void leave(Client client) {
        synchronized (room) {
            if (remove(client)) {
                for (Client other : members.values()) {
                    deliver(other, "LEAVE " + client.nick);
                }
            }
        }
    }

    /** Hook: the next line, its LF and CR included; null at EOF. Correct: at most 4096 bytes of content. */
    byte[] nextLine(InputStream in) throws IOException {
        byte[] line = VariantSupport.readLine(in, MAX_LINE_BYTES + 1, false); // room for a CR
        if (line != null && VariantSupport.stripCr(line).length > MAX_LINE_BYTES) {
            throw new LineTooLongException();
        }
        return line;
    }

    /** Hook: a line that is not UTF-8; false ends the connection. Correct: ERR bad-utf8, and read on. */
    boolean onInvalidUtf8(Client client) {
        client.send("ERR bad-utf8");
        return true;
    }

    /** Hook: QUIT. Correct: LEAVE to the others, then the queued lines, then the close. */
    void onQuit(Client client) {
        leave(client);
        client.finish();
    }

    /**
     * Hook: whether a client has stopped reading, given the bytes queued for it and since when its current write has
     * been blocked (0 when none is). Correct: over 1 MiB queued and no progress for over 1 s.
     */
    boolean stuck(long queued, long writingSince) {
        return queued > MAX_BACKLOG_BYTES && writingSince != 0 && System.nanoTime() - writingSince > STALL_NANOS;
    }

    /** Hook: whether a nick is acceptable. Correct: 1..16 of [A-Za-z0-9_-]. */
    boolean validNick(String nick) {
        return NICK.matcher(nick).matches();
    }

    /** Hook: the key under which a nick is unique. Correct: the nick itself (case-sensitive). */
    String nickKey(String nick) {
        return nick;
    }

    /** Hook: tells the others about a newcomer (room held, newcomer registered). Correct: JOIN to every other. */
    void announceJoin(Client newcomer) {
        for (Client other : others(newcomer)) {
            deliver(other, "JOIN " + newcomer.nick);
        }
    }

    /** Hook: who receives a sender's MSG (room held). Correct: every registered client but the sender. */
    List<Client> msgRecipients(Client sender) {
        return others(sender);
    }

    /** Hook: who receives a PRIV to {@code target} (room held). Correct: the target only. */
    List<Client> privRecipients(Client sender, Client target) {
        return List.of(target);
    }

    /** Hook: the order of the WHO reply, given the nicks in join order. Correct: sorted by code point. */
    List<String> whoOrder(List<String> joinOrder) {
        List<String> sorted = new ArrayList<>(joinOrder);
        sorted.sort(ChatServerBase::compareCodePoints);
        return sorted;
    }

    /** Hook: hands one line to a recipient (room held). Correct: its queue, never blocking the sender. */
    void deliver(Client recipient, String line) {
        recipient.send(line);
    }

    /** Hook: a client disconnected without QUIT (EOF or reset). Correct: LEAVE to the others. */
    void onAbruptEnd(Client client) {
        leave(client);
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
