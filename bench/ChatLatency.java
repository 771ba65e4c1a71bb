import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark: fan-out latency of a chat server (PROTOCOLS.md "chat"). C clients register; the first S of them take
 * turns sending R messages per second in all, for D seconds; every other client notes how long each MSG took to
 * reach it. One selector thread drives every socket, so measuring 1,000 clients does not take 1,000 threads, and
 * senders and receivers share one JVM, so System.nanoTime() stamps compare directly.
 *
 * <p>Usage: {@code java bench/ChatLatency.java --host H --port N --clients C [--senders S] [--rate R] [--seconds D]}
 * (defaults: S = 10, R = 20 messages per second, D = 10). Prints one line of {@code key=value} results on stdout,
 * progress on stderr. Exit code 0 when every delivery arrived, 1 otherwise, 2 for a usage error.
 */
public final class ChatLatency {

    private static final int EXIT_OK = 0;
    private static final int EXIT_FAILED = 1;
    private static final int EXIT_USAGE = 2;

    // At most this many clients are connecting or waiting for OK at once: below the listen backlog of the reference
    // (1,024) and of the Python example (256), so the server's accept queue never overflows.
    private static final int CONNECT_WINDOW = 100;
    private static final int CONNECT_ATTEMPTS = 5;
    private static final long RETRY_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long REGISTER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long DELIVERY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    // Our lines are short; a server's JOIN burst for 1,000 clients is about 10 KB per client.
    private static final int READ_BUFFER_BYTES = 16 * 1024;

    /** One simulated chat client: its socket, its partial input line, and its unsent output. */
    private static final class Client {
        final int index;
        final String nick;
        SocketChannel channel;
        int connectAttempts;
        long retryAtNanos; // when a refused connect or a taken nick is tried again
        boolean registered;
        final ByteBuffer in = ByteBuffer.allocate(READ_BUFFER_BYTES);
        ByteBuffer out; // what write() has not taken yet, or null

        Client(int index) {
            this.index = index;
            this.nick = "b" + index;
        }
    }

    private final InetSocketAddress server;
    private final Client[] clients;
    private final int senders;
    private final double rate;
    private final double seconds;
    private final Selector selector;

    private final List<Client> retrying = new ArrayList<>(); // refused connects and taken nicks, tried again later
    private int registered;
    private long joins;
    private long unexpectedLines;
    private String firstUnexpectedLine;
    private int lostClients;
    private String failure; // set when the run cannot go on
    private long delivered;
    private long[] latencies = new long[1 << 16];

    private ChatLatency(InetSocketAddress server, int clientCount, int senders, double rate, double seconds)
            throws IOException {
        this.server = server;
        this.clients = new Client[clientCount];
        for (int i = 0; i < clientCount; i++) {
            clients[i] = new Client(i);
        }
        this.senders = Math.min(senders, clientCount);
        this.rate = rate;
        this.seconds = seconds;
        this.selector = Selector.open();
    }

    public static void main(String[] argv) {
        String host = "127.0.0.1";
        int port = -1;
        int clientCount = -1;
        int senders = 10;
        double rate = 20;
        double seconds = 10;
        try {
            for (int i = 0; i < argv.length; i += 2) {
                if (i + 1 >= argv.length) {
                    throw new IllegalArgumentException(argv[i] + " needs a value");
                }
                String value = argv[i + 1];
                switch (argv[i]) {
                    case "--host" -> host = value;
                    case "--port" -> port = Integer.parseInt(value);
                    case "--clients" -> clientCount = Integer.parseInt(value);
                    case "--senders" -> senders = Integer.parseInt(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--seconds" -> seconds = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option " + argv[i]);
                }
            }
            if (port < 1 || port > 65535 || clientCount < 2 || senders < 1 || rate <= 0 || seconds <= 0) {
                throw new IllegalArgumentException("need --port 1..65535, --clients >= 2, --senders >= 1, "
                        + "--rate > 0, --seconds > 0");
            }
        } catch (IllegalArgumentException e) { // NumberFormatException included
            System.err.println("usage error: " + e.getMessage() + "; usage: java bench/ChatLatency.java --host H "
                    + "--port N --clients C [--senders S] [--rate R] [--seconds D]");
            System.exit(EXIT_USAGE);
        }
        int exitCode;
        try {
            ChatLatency bench = new ChatLatency(new InetSocketAddress(host, port), clientCount, senders, rate, seconds);
            try {
                exitCode = bench.run();
            } finally {
                bench.closeAll();
            }
        } catch (IOException e) {
            System.err.println("chat-latency: " + e);
            exitCode = EXIT_FAILED;
        }
        System.exit(exitCode);
    }

    private int run() throws IOException {
        long started = System.nanoTime();
        if (!registerAll()) {
            System.err.println("chat-latency: " + failure);
            return EXIT_FAILED;
        }
        double registerSeconds = secondsSince(started);
        progress("%d clients registered in %.1f s (%d JOIN lines seen)", clients.length, registerSeconds, joins);

        long messages = Math.max(1, Math.round(rate * seconds));
        long maxSendLagNanos = sendMessages(messages);
        long expected = messages * (clients.length - 1);
        awaitDeliveries(expected);

        long[] sorted = Arrays.copyOf(latencies, (int) delivered);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "clients=%d senders=%d rate=%s seconds=%s register_s=%.1f sent=%d expected=%d"
                        + " received=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p99.9_ms=%.2f max_ms=%.2f"
                        + " send_lag_max_ms=%.2f lost_clients=%d unexpected_lines=%d%n",
                clients.length, senders, trim(rate), trim(seconds), registerSeconds, messages, expected, delivered,
                millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.90)), millis(percentile(sorted, 0.99)),
                millis(percentile(sorted, 0.999)), millis(percentile(sorted, 1.0)), millis(maxSendLagNanos),
                lostClients, unexpectedLines);
        if (firstUnexpectedLine != null) {
            progress("first unexpected line: %s", firstUnexpectedLine);
        }
        if (delivered != expected) {
            System.err.printf("chat-latency: %d of %d deliveries missing%s%n", expected - delivered, expected,
                    lostClients > 0 ? " (" + lostClients + " clients lost their connection)" : "");
            return EXIT_FAILED;
        }
        return EXIT_OK;
    }

    /**
     * Connects every client and registers its nick, CONNECT_WINDOW at a time; then waits until the JOIN burst that
     * registration causes (C * (C - 1) / 2 lines in all) has arrived, so that it does not queue up ahead of the first
     * measured messages. Returns false, with {@code failure} set, if not every client registers within 60 s.
     */
    private boolean registerAll() throws IOException {
        long deadline = System.nanoTime() + REGISTER_TIMEOUT_NANOS;
        long expectedJoins = (long) clients.length * (clients.length - 1) / 2;
        int started = 0;
        while (failure == null && (registered < clients.length || joins < expectedJoins)) {
            long now = System.nanoTime();
            if (now - deadline > 0) {
                if (registered < clients.length) {
                    failure = String.format("only %d of %d clients registered within %d s", registered, clients.length,
                            TimeUnit.NANOSECONDS.toSeconds(REGISTER_TIMEOUT_NANOS));
                    return false;
                }
                progress("warning: %d of %d JOIN lines arrived; measuring anyway", joins, expectedJoins);
                return true;
            }
            List<Client> due = new ArrayList<>();
            retrying.removeIf(client -> now - client.retryAtNanos >= 0 && due.add(client));
            for (Client client : due) {
                if (client.channel == null) {
                    connect(client);
                } else {
                    send(client, "NICK " + client.nick);
                }
            }
            while (started - registered < CONNECT_WINDOW && started < clients.length) {
                connect(clients[started++]);
            }
            selector.select(this::handle, 10);
        }
        return failure == null;
    }

    private void connect(Client client) throws IOException {
        client.connectAttempts++;
        client.channel = SocketChannel.open();
        client.channel.configureBlocking(false);
        client.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        client.channel.register(selector, SelectionKey.OP_CONNECT, client);
        try {
            if (client.channel.connect(server)) {
                connected(client);
            }
        } catch (ConnectException e) {
            refused(client, e);
        }
    }

    private void connected(Client client) {
        client.channel.keyFor(selector).interestOps(SelectionKey.OP_READ);
        send(client, "NICK " + client.nick);
    }

    /** A refused connect (the listen queue was full, or the server is restarting) is tried again a few times. */
    private void refused(Client client, IOException e) throws IOException {
        client.channel.close();
        client.channel = null;
        if (client.connectAttempts >= CONNECT_ATTEMPTS) {
            failure = client.nick + ": connect failed " + CONNECT_ATTEMPTS + " times: " + e.getMessage();
            return;
        }
        client.retryAtNanos = System.nanoTime() + RETRY_DELAY_NANOS * client.connectAttempts;
        retrying.add(client);
    }

    /**
     * Sends messages number 0 .. count - 1 at a steady rate, each from the next of the first S clients in turn,
     * reading everything that arrives meanwhile. Returns the largest delay of a send behind its schedule: a large
     * one means this benchmark, not the server, could not keep up.
     */
    private long sendMessages(long count) throws IOException {
        long periodNanos = Math.round(1e9 / rate);
        long start = System.nanoTime();
        long maxLag = 0;
        for (long seq = 0; seq < count; ) {
            long due = start + seq * periodNanos;
            long now = System.nanoTime();
            if (now - due >= 0) {
                maxLag = Math.max(maxLag, now - due);
                Client sender = clients[(int) (seq % senders)];
                // The stamp is taken right before the write: what is measured is the server's part of the trip.
                send(sender, "MSG " + System.nanoTime() + " " + seq);
                seq++;
            } else {
                selector.select(this::handle, Math.max(1, TimeUnit.NANOSECONDS.toMillis(due - now)));
            }
        }
        return maxLag;
    }

    /** Reads until every expected delivery arrived, for at most 10 s. */
    private void awaitDeliveries(long expected) throws IOException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT_NANOS;
        while (delivered < expected && System.nanoTime() - deadline < 0) {
            selector.select(this::handle, 50);
        }
    }

    /** One ready socket: finishes its connect, reads what arrived, or writes what is left. */
    private void handle(SelectionKey key) {
        Client client = (Client) key.attachment();
        try {
            if (key.isConnectable()) {
                try {
                    client.channel.finishConnect();
                } catch (ConnectException e) {
                    refused(client, e);
                    return;
                }
                connected(client);
                return;
            }
            if (key.isWritable()) {
                flush(client);
            }
            if (key.isReadable()) {
                read(client);
            }
        } catch (IOException e) {
            lost(client, e.getMessage());
        }
    }

    private void read(Client client) throws IOException {
        ByteBuffer in = client.in;
        int n = client.channel.read(in);
        long now = System.nanoTime(); // one arrival time for every line of this read
        if (n < 0) {
            lost(client, "closed by the server");
            return;
        }
        byte[] bytes = in.array();
        int lineStart = 0;
        for (int i = 0; i < in.position(); i++) {
            if (bytes[i] == '\n') {
                int end = i > lineStart && bytes[i - 1] == '\r' ? i - 1 : i; // receivers accept CRLF too
                onLine(client, bytes, lineStart, end, now);
                lineStart = i + 1;
            }
        }
        if (lineStart == 0 && !in.hasRemaining()) {
            lost(client, "a line longer than " + READ_BUFFER_BYTES + " bytes");
            return;
        }
        in.limit(in.position()).position(lineStart);
        in.compact();
    }

    /** One line from the server to {@code client}, without its LF. */
    private void onLine(Client client, byte[] b, int from, int to, long now) {
        if (startsWith(b, from, to, "MSG b")) {
            // MSG b<index> <nanoTime> <seq>
            int nickEnd = indexOf(b, from + 5, to, (byte) ' ');
            int stampEnd = indexOf(b, nickEnd + 1, to, (byte) ' ');
            long sender = parse(b, from + 5, nickEnd);
            long stamp = parse(b, nickEnd + 1, stampEnd);
            boolean otherClient = sender >= 0 && sender < clients.length && sender != client.index;
            if (otherClient && stamp >= 0 && parse(b, stampEnd + 1, to) >= 0) {
                record(now - stamp);
                return;
            }
        } else if (startsWith(b, from, to, "JOIN ")) {
            joins++;
            return;
        } else if (startsWith(b, from, to, "LEAVE ")) {
            return;
        } else if (!client.registered && text(b, from, to).equals("OK " + client.nick)) {
            client.registered = true;
            registered++;
            return;
        } else if (!client.registered && text(b, from, to).equals("ERR nick-taken")) {
            // A client of an earlier run with this nick may not have been unregistered yet.
            client.retryAtNanos = System.nanoTime() + RETRY_DELAY_NANOS;
            retrying.add(client);
            return;
        }
        unexpectedLines++;
        if (firstUnexpectedLine == null) {
            firstUnexpectedLine = client.nick + " got \"" + text(b, from, to) + "\"";
        }
    }

    private void record(long latencyNanos) {
        if (delivered == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[(int) delivered++] = latencyNanos;
    }

    /** Queues {@code line} behind anything unsent, and writes as much as the socket takes now. */
    private void send(Client client, String line) {
        if (client.channel == null) {
            return; // lost already: reported once
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        if (client.out == null) {
            client.out = ByteBuffer.wrap(bytes);
        } else {
            ByteBuffer joined = ByteBuffer.allocate(client.out.remaining() + bytes.length);
            client.out = joined.put(client.out).put(bytes).flip();
        }
        try {
            flush(client);
        } catch (IOException e) {
            lost(client, e.getMessage());
        }
    }

    private void flush(Client client) throws IOException {
        client.channel.write(client.out);
        SelectionKey key = client.channel.keyFor(selector);
        if (client.out.hasRemaining()) {
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        } else {
            client.out = null;
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        }
    }

    private void lost(Client client, String why) {
        if (client.channel == null) {
            return;
        }
        if (registered < clients.length) {
            failure = client.nick + ": " + why + " before every client had registered";
        } else {
            lostClients++;
            progress("%s: %s", client.nick, why);
        }
        try {
            client.channel.close();
        } catch (IOException e) {
            progress("%s: close failed: %s", client.nick, e.getMessage());
        }
        client.channel = null;
    }

    private void closeAll() throws IOException {
        for (Client client : clients) {
            if (client.channel != null) {
                client.channel.close();
                client.channel = null;
            }
        }
        selector.close();
    }

    private static boolean startsWith(byte[] b, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (b[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    /** The decimal number in b[from, to), or -1 if there is none. */
    private static long parse(byte[] b, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }

    private static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** Nearest-rank percentile of an ascending array. */
    private static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static void progress(String format, Object... args) {
        System.err.println("chat-latency: " + String.format(Locale.ROOT, format, args));
    }
}
