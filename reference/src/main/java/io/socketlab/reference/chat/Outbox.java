package io.socketlab.reference.chat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The lines waiting to go to one client, and the writer thread that sends them. Whoever has a line
 * for the client only queues it, which never blocks, so a client that stops reading delays nobody
 * else (CHAT-9); one thread writes, in queue order, so lines never interleave (CHAT-4).
 */
final class Outbox implements Runnable {

    // CHAT-9: a client is dropped only when both hold: more than 1 MiB waits for it, and the block
    // being written has been stuck in write() for 1 s (write() blocks once the kernel's buffers,
    // several MB, are full, so this means the client has read nothing for a while). A client that
    // reads, however slowly, lets every write finish, and is never dropped.
    private static final long MAX_BACKLOG_BYTES = 1 << 20;
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(1);
    // Lines that queued up while the writer was busy go out together, in one write() of up to
    // 64 KiB: one system call instead of one per line for a client that falls behind.
    private static final int MAX_BLOCK_BYTES = 64 * 1024;
    // CHAT-7: how long a leaving client's queued lines may take to go out.
    private static final long FINISH_TIMEOUT_MS = 10_000;
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Socket socket;
    private final OutputStream out;
    private final Thread writer;

    // Guarded by this object's monitor: the senders (any session's thread) and the writer share them.
    private final Deque<byte[]> queue = new ArrayDeque<>(); // each line with its LF
    private long backlogBytes; // queued or being written
    private boolean writing;
    private long writeStartedNanos; // when the block being written left the queue
    private boolean finishing; // the session is over: send what is queued, accept nothing new
    private boolean closed; // the connection failed or was dropped: send nothing more

    private Outbox(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.writer = new Thread(null, this, "chat-writer " + socket.getRemoteSocketAddress(),
                ChatServer.THREAD_STACK_BYTES);
    }

    /** The outbox of {@code socket}, its writer thread started. */
    static Outbox start(Socket socket) throws IOException {
        Outbox outbox = new Outbox(socket);
        outbox.writer.start();
        return outbox;
    }

    /** Queues {@code line} for the client. Never blocks, whatever the client does (CHAT-9). */
    synchronized void send(String line) {
        if (finishing || closed) {
            return;
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        queue.addLast(bytes);
        backlogBytes += bytes.length;
        // CHAT-9: checked whenever the backlog grows, which is the only time it can matter.
        if (backlogBytes > MAX_BACKLOG_BYTES && writing && System.nanoTime() - writeStartedNanos > STALL_NANOS) {
            drop();
        }
        notifyAll(); // wakes the writer
    }

    /** CHAT-7: accepts no more lines, and waits (for a bounded time) until those queued are sent. */
    void finish() {
        synchronized (this) {
            finishing = true;
            notifyAll();
        }
        try {
            writer.join(FINISH_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the flag for whoever interrupted us
        }
    }

    /** The writer thread: sends the queued lines in order, until finished or the connection fails. */
    @Override
    public void run() {
        try {
            for (byte[] block = next(); block != null; block = next()) {
                // Outside the monitor: while this write blocks, senders go on queueing.
                out.write(block);
                sent(block);
            }
        } catch (IOException | InterruptedException e) {
            // The client is gone or was dropped; its session's reader thread sees it too and ends.
        } finally {
            synchronized (this) {
                closed = true;
                queue.clear(); // a dropped client's backlog is freed at once
            }
        }
    }

    /** The next lines to write, as one block, waiting for one; null when there will be none. */
    private synchronized byte[] next() throws InterruptedException {
        while (queue.isEmpty() && !finishing && !closed) {
            wait();
        }
        if (closed || queue.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        do {
            block.writeBytes(queue.removeFirst()); // still counted in the backlog until written
        } while (!queue.isEmpty() && block.size() + queue.peekFirst().length <= MAX_BLOCK_BYTES);
        writing = true;
        writeStartedNanos = System.nanoTime();
        return block.toByteArray();
    }

    private synchronized void sent(byte[] block) {
        writing = false;
        backlogBytes -= block.length;
    }

    /** CHAT-9: closes the connection; its session then ends and the others receive LEAVE. */
    private void drop() {
        closed = true;
        long waiting = backlogBytes;
        LOG.info(() -> socket.getRemoteSocketAddress() + ": dropped: " + waiting
                + " bytes waiting and nothing read for 1 s");
        try {
            // Does not wait for the blocked write(): it makes it fail, and so the read of the
            // session's thread, which unregisters the client.
            socket.close();
        } catch (IOException e) {
            LOG.warning(() -> socket.getRemoteSocketAddress() + ": cannot close a dropped client: " + e.getMessage());
        }
    }
}
