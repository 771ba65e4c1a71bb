package io.socketlab.grader.variants.udptransfer;

import io.socketlab.grader.variants.VariantSupport;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A correct udp-transfer client: a window of chunks with a fixed retransmission timeout, START and END repeated
 * until answered with a timeout that doubles while the server is silent, 10 s of silence ends it with exit 2; one
 * overridable method per classic mistake.
 */
public class UdpClientBase {

    static final int CHUNK = 1024;
    static final int WINDOW = 32;
    static final long RTO_NANOS = 150_000_000L;
    static final long SILENCE_NANOS = 10_000_000_000L;
    static final long MAX_BACK_OFF_NANOS = 1_000_000_000L;

    DatagramSocket socket;
    InetSocketAddress server;
    int tid = ThreadLocalRandom.current().nextInt();
    long lastReply;

    void run(String[] argv) throws Exception {
        VariantSupport.Args args = VariantSupport.parse(argv, Set.of("--host", "--port"), Set.of());
        List<String> words = args.positional();
        if (words.size() < 2 || words.size() > 3 || !words.get(0).equals("send")) {
            VariantSupport.die(2, "usage: --host H --port N send FILE [NAME]");
        }
        Path path = Path.of(words.get(1));
        if (!Files.isRegularFile(path)) {
            VariantSupport.die(2, "usage error: cannot read " + path);
        }
        byte[] content = Files.readAllBytes(path);
        byte[] name = (words.size() == 3 ? words.get(2) : path.getFileName().toString()).getBytes(StandardCharsets.UTF_8);
        if (name.length > 255) {
            VariantSupport.die(2, "usage error: a NAME has at most 255 bytes");
        }
        server = new InetSocketAddress(args.get("--host", "127.0.0.1"), args.port());
        socket = openSocket();
        lastReply = System.nanoTime();
        byte[] start = ByteBuffer.allocate(14 + name.length).put((byte) 1).putInt(tid).putLong(content.length)
                .put((byte) name.length).put(name).array();
        byte[] reply = exchange(start, 0x11);
        if (reply[0] == 0x1F) {
            errorReply(reply[5]);
        }
        sendChunks(content);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
        byte[] end = ByteBuffer.allocate(37).put((byte) 3).putInt(tid).put(digest).array();
        byte[] done = exchange(end, 0x13);
        doneReply(done[5]);
        System.out.println("OK " + HexFormat.of().formatHex(digest));
        System.out.flush();
        System.exit(0);
    }

    void errorReply(byte code) {
        VariantSupport.die(1, "the server refused the file: " + (code == 1 ? "bad name" : code == 2 ? "larger than 64 MiB"
                : "error " + code));
    }

    /** DONE's status: 0 stored, anything else refused. */
    void doneReply(byte status) {
        if (status != 0) {
            VariantSupport.die(1, "the server discarded the file: digest mismatch");
        }
    }

    /**
     * Sends {@code request} until a reply of {@code type} (or ERROR) for our tid comes, doubling the wait after each
     * unanswered sending, up to a second.
     */
    byte[] exchange(byte[] request, int type) throws IOException {
        long wait = RTO_NANOS * 2;
        boolean first = true;
        while (true) {
            if (first || resends(request)) {
                send(request);
            }
            first = false;
            long due = System.nanoTime() + wait;
            byte[] reply;
            while ((reply = receive(due)) != null) {
                if ((reply[0] == type || reply[0] == 0x1F) && ByteBuffer.wrap(reply, 1, 4).getInt() == tid) {
                    return reply;
                }
            }
            timedOut();
            request = again(request);
            wait = backOff(wait);
        }
    }

    /** Whether an unanswered START or END is sent again (it must be). */
    boolean resends(byte[] request) {
        return true;
    }

    /** Whether chunk {@code seq}, unacknowledged past its timeout, is sent again (it must be). */
    boolean mayResend(BitSet acked, int seq) {
        return true;
    }

    /** The wait after an unanswered sending: twice the last one, at most a second. */
    long backOff(long wait) {
        return Math.min(MAX_BACK_OFF_NANOS, wait * 2);
    }

    /** The request to send again after a timeout: the same one. */
    byte[] again(byte[] request) {
        return request;
    }

    void sendChunks(byte[] content) throws IOException {
        int chunks = (content.length + CHUNK - 1) / CHUNK;
        BitSet acked = new BitSet();
        long[] sentAt = new long[chunks];
        int base = 0;
        int next = 0;
        while (base < chunks) {
            while (next < chunks && next - base < WINDOW) {
                sendChunk(content, next);
                sentAt[next++] = System.nanoTime();
            }
            byte[] reply = receive(System.nanoTime() + RTO_NANOS / 3);
            if (reply != null && reply.length == 9 && reply[0] == 0x12 && ByteBuffer.wrap(reply, 1, 4).getInt() == tid) {
                acknowledge(acked, ByteBuffer.wrap(reply, 5, 4).getInt(), base);
                while (base < chunks && acked.get(base)) {
                    base++;
                }
            }
            if (!retransmits()) {
                if (next == chunks) {
                    afterLastChunk(content);
                    return;
                }
                continue;
            }
            long now = System.nanoTime();
            for (int seq = base; seq < next; seq++) {
                if (!acked.get(seq) && now - sentAt[seq] >= RTO_NANOS && mayResend(acked, seq)) {
                    sendChunk(content, seq);
                    sentAt[seq] = now;
                }
            }
            if (now - lastReply > RTO_NANOS) {
                timedOut();
            }
        }
        afterLastChunk(content);
    }

    /** Marks what ACK {@code seq} acknowledges: that chunk alone. */
    void acknowledge(BitSet acked, int seq, int base) {
        acked.set(seq);
    }

    void sendChunk(byte[] content, int seq) throws IOException {
        byte[] payload = Arrays.copyOfRange(content, seq * CHUNK, Math.min(content.length, (seq + 1) * CHUNK));
        send(ByteBuffer.allocate(9 + payload.length).put((byte) 2).putInt(tid).putInt(seq).put(payload).array());
    }

    /** Called when everything is sent (and, normally, acknowledged). */
    void afterLastChunk(byte[] content) throws IOException {
    }

    boolean retransmits() {
        return true;
    }

    /** No reply for a while: gives up after 10 s of silence. */
    void timedOut() {
        if (System.nanoTime() - lastReply > SILENCE_NANOS) {
            VariantSupport.die(2, "no reply from the server for 10 s");
        }
    }

    /** An unconnected socket: ICMP errors from a server that went away are not reported, silence is. */
    DatagramSocket openSocket() throws IOException {
        return new DatagramSocket();
    }

    void send(byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, server));
    }

    /** The next datagram before {@code due}, or null. */
    byte[] receive(long due) throws IOException {
        long left = (due - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            return null;
        }
        socket.setSoTimeout((int) left);
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        lastReply = System.nanoTime();
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }
}
