package io.socketlab.student.udptransfer;

import io.socketlab.student.common.Failure;
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

    private static final Logger LOG = Logger.getLogger(Upload.class.getName());

    /** Chunks sent and not yet acknowledged, at most: 64 KiB in flight. */
    private static final int WINDOW_CHUNKS = 64;
    /** UT-16: the client gives up after this long without any reply. */
    static final long SILENCE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

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
        // TODO(UT-12): START (tid, size, nameLen, name), repeated until START-ACK: exchange(start, START_ACK, 5).
        // TODO(UT-13): sendChunks().
        // TODO(UT-12): END (tid, sha256), repeated until DONE: exchange(end, DONE, 6); return its status byte.
        // TODO(UT-16): lastReplyNanos starts at the first START: 10 s without any reply from then on -> give up.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }

    /**
     * Sends {@code request} again and again, each time waiting longer, until a reply of {@code type}
     * and {@code length} bytes comes.
     */
    private ByteBuffer exchange(ByteBuffer request, byte type, int length) throws IOException, Failure {
        // TODO(UT-12): send `request`, wait with receive(due) until due = now + timeoutNanos(); a reply of
        //   `type` and `length` bytes ends the exchange; nothing in time -> send the request again.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }

    /** UT-13, UT-14: every chunk, at most {@link #WINDOW_CHUNKS} unacknowledged at a time. */
    private void sendChunks() throws IOException, Failure {
        // TODO(UT-13): a window of at most WINDOW_CHUNKS unacknowledged chunks: send new chunks while there is room.
        // TODO(UT-13): each chunk in flight has a Timer; when it runs out and no ACK came, send that chunk
        //   again (only that one) with a new timer. A PriorityQueue<Timer> ordered by dueNanos finds the next one.
        // TODO: each ACK (type 0x12, 9 bytes, seq in range) marks its chunk; the round trip of a chunk sent
        //   only once is a sample for roundTrip (Karn's rule). Stop once every chunk is acknowledged.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }

    /** Sends chunk {@code seq} and returns its retransmission timer. */
    private Timer sendChunk(int seq) throws IOException {
        // TODO(UT-14): DATA tid seq payload, the payload read at seq * 1024 (Wire.chunkLength(size, seq) bytes).
        // TODO: send it and return new Timer(now + timeoutNanos(), seq).
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
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
        // TODO(UT-16): throw Failure.incomplete(...) once lastReplyNanos + SILENCE_LIMIT_NANOS has passed.
        // TODO: wait (setSoTimeout, at least 1 ms) until dueNanos for a datagram; none in time -> return null.
        // TODO: skip datagrams not from `server`, shorter than 5 bytes, or of another tid; any other counts as a
        //   reply: lastReplyNanos = now.
        // TODO(UT-15): an ERROR (0x1F, 6 bytes) -> Failure.refused(...), naming the code (1 bad name, 2 too large).
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }
}
