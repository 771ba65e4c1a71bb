package io.socketlab.reference.udptransfer;

import io.socketlab.reference.common.Failure;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.BitSet;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One file sent to the server: START until START-ACK, then the chunks through a sliding window
 * with a retransmission timer per chunk, then END until DONE.
 */
final class Upload {

    /** Chunks sent and not yet acknowledged, at most: 64 KiB in flight. */
    private static final int WINDOW_CHUNKS = 64;
    /** UT-16: the client gives up after this long without any reply. */
    static final long SILENCE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Logger LOG = Logger.getLogger(Upload.class.getName());

    /** When chunk {@code seq} is to be sent again unless its ACK comes first. */
    private record Timer(long dueNanos, int seq) {
    }

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final FileChannel file;
    private final long size;
    private final int tid;
    private final RoundTripEstimator roundTrip = new RoundTripEstimator();
    private final byte[] replyBuffer = new byte[Wire.RECEIVE_BUFFER_BYTES];
    private long lastReplyNanos;

    Upload(DatagramSocket socket, InetSocketAddress server, FileChannel file, long size, int tid) {
        this.socket = socket;
        this.server = server;
        this.file = file;
        this.size = size;
        this.tid = tid;
    }

    /**
     * Sends the file as {@code name} and returns the DONE status: 0 stored, 1 digest mismatch.
     *
     * @throws Failure on an ERROR reply (exit 1) or 10 s without any reply (exit 2)
     */
    byte send(byte[] name, byte[] sha256) throws IOException, Failure {
        lastReplyNanos = System.nanoTime(); // the silence is counted from the first START
        ByteBuffer start = Wire.message(Wire.START, tid, 8 + 1 + name.length)
                .putLong(size).put((byte) name.length).put(name);
        exchange(start, Wire.START_ACK, 5); // UT-12: repeated until answered
        LOG.fine(() -> "START-ACK: sending " + Wire.chunkCount(size) + " chunks");
        sendChunks();
        LOG.fine("every chunk is acknowledged: END");
        ByteBuffer end = Wire.message(Wire.END, tid, Wire.DIGEST_BYTES).put(sha256);
        return exchange(end, Wire.DONE, 6).get(5); // the status byte follows type and tid
    }

    /**
     * Sends {@code request} again and again, each time waiting longer, until a reply of {@code type}
     * and {@code length} bytes comes.
     */
    private ByteBuffer exchange(ByteBuffer request, byte type, int length) throws IOException, Failure {
        while (true) {
            send(request.array(), request.capacity());
            long due = System.nanoTime() + timeoutNanos();
            for (ByteBuffer reply = receive(due); reply != null; reply = receive(due)) {
                if (reply.get(0) == type && reply.limit() == length) {
                    return reply;
                }
                // Anything else of ours (a late ACK, say) is stale: keep waiting.
            }
        }
    }

    /** UT-13, UT-14: every chunk, at most {@link #WINDOW_CHUNKS} unacknowledged at a time. */
    private void sendChunks() throws IOException, Failure {
        int chunks = (int) Wire.chunkCount(size);
        BitSet acked = new BitSet(chunks);
        int[] sendings = new int[chunks];
        long[] firstSentNanos = new long[chunks];
        PriorityQueue<Timer> timers = new PriorityQueue<>(Comparator.comparingLong(Timer::dueNanos));
        int next = 0;
        int inFlight = 0;
        int ackedCount = 0;
        while (ackedCount < chunks) {
            // Fill the window with chunks never sent before.
            for (; inFlight < WINDOW_CHUNKS && next < chunks; next++, inFlight++) {
                firstSentNanos[next] = System.nanoTime();
                timers.add(sendChunk(next));
                sendings[next]++;
            }
            // Resend each chunk whose timer has run out; acknowledged chunks' timers just go.
            while (!timers.isEmpty() && (acked.get(timers.peek().seq())
                    || timers.peek().dueNanos() - System.nanoTime() <= 0)) {
                int seq = timers.poll().seq();
                if (!acked.get(seq)) {
                    LOG.finer(() -> "no ACK for chunk " + seq + " in time: sent again");
                    timers.add(sendChunk(seq));
                    sendings[seq]++;
                }
            }
            // Wait for ACKs until the earliest timer runs out.
            for (ByteBuffer reply = receive(timers.peek().dueNanos()); reply != null;
                    reply = receive(timers.peek().dueNanos())) {
                long seq = reply.get(0) == Wire.ACK && reply.limit() == 9 ? Integer.toUnsignedLong(reply.getInt(5)) : -1;
                if (seq >= 0 && seq < chunks && !acked.get((int) seq)) {
                    acked.set((int) seq);
                    ackedCount++;
                    inFlight--;
                    if (sendings[(int) seq] == 1) {
                        roundTrip.sample(System.nanoTime() - firstSentNanos[(int) seq]);
                    }
                    break; // room in the window: send the next chunk at once
                }
            }
        }
    }

    /** Sends chunk {@code seq} and returns its retransmission timer. */
    private Timer sendChunk(int seq) throws IOException {
        int length = Wire.chunkLength(size, seq);
        ByteBuffer datagram = Wire.message(Wire.DATA, tid, 4 + length).putInt(seq);
        long position = (long) seq * Wire.CHUNK_BYTES;
        while (datagram.hasRemaining()) {
            position += file.read(datagram, position); // the file is never held in memory whole
        }
        send(datagram.array(), datagram.capacity());
        return new Timer(System.nanoTime() + timeoutNanos(), seq);
    }

    private long timeoutNanos() {
        return roundTrip.timeoutNanos(System.nanoTime() - lastReplyNanos);
    }

    private void send(byte[] datagram, int length) throws IOException {
        socket.send(new DatagramPacket(datagram, length, server));
    }

    /**
     * Waits until {@code dueNanos} for the next reply from the server about this transfer and
     * returns it, or null when none came in time. Datagrams from elsewhere, or about another tid,
     * are skipped.
     *
     * @throws Failure on an ERROR reply, or once the server has been silent for 10 s
     */
    private ByteBuffer receive(long dueNanos) throws IOException, Failure {
        DatagramPacket packet = new DatagramPacket(replyBuffer, replyBuffer.length);
        while (true) {
            long giveUp = lastReplyNanos + SILENCE_LIMIT_NANOS;
            long now = System.nanoTime();
            if (giveUp - now <= 0) {
                throw Failure.incomplete("no reply from " + server.getHostString() + ":" + server.getPort()
                        + " for " + TimeUnit.NANOSECONDS.toSeconds(SILENCE_LIMIT_NANOS) + " s"); // UT-16
            }
            long waitNanos = Math.min(dueNanos, giveUp) - now;
            if (waitNanos <= 0) {
                return null;
            }
            // setSoTimeout counts whole milliseconds, and 0 would mean "forever".
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos)));
            packet.setLength(replyBuffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue; // the loop decides whether that was the due time or the silence limit
            }
            ByteBuffer reply = ByteBuffer.wrap(replyBuffer, 0, packet.getLength());
            if (!server.equals(packet.getSocketAddress()) || reply.limit() < 5 || reply.getInt(1) != tid) {
                continue;
            }
            lastReplyNanos = System.nanoTime();
            if (reply.get(0) == Wire.ERROR && reply.limit() == 6) {
                throw Failure.refused("the server refused the file: " + switch (reply.get(5)) {
                    case Wire.ERROR_BAD_NAME -> "bad name (error 1)";
                    case Wire.ERROR_TOO_LARGE -> "larger than 64 MiB (error 2)";
                    default -> "error " + Byte.toUnsignedInt(reply.get(5));
                }); // UT-15
            }
            return reply;
        }
    }
}
