package io.socketlab.student.chat;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The lines waiting to go to one client, and the writer thread that sends them. Whoever has a line
 * for the client only queues it, which never blocks, so a client that stops reading delays nobody
 * else (CHAT-9); one thread writes, in queue order, so lines never interleave (CHAT-4).
 */
final class Outbox implements Runnable {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    // CHAT-9: a client is dropped only when both hold: more than 1 MiB waits for it, and the write
    // in progress has been stuck in write() for 1 s. A client that reads, however slowly, lets
    // every write finish, and is never dropped.
    private static final long MAX_BACKLOG_BYTES = 1 << 20;
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(1);
    // CHAT-7: how long a leaving client's queued lines may take to go out.
    private static final long FINISH_TIMEOUT_MS = 10_000;

    private final Socket socket;
    // TODO: the state the senders and the writer share, all guarded by this object's monitor
    //   (synchronized methods): a queue of lines (an ArrayDeque<byte[]> of each line's UTF-8
    //   bytes with its LF), the backlog in bytes, whether a write is in progress and since when
    //   (System.nanoTime()), whether the outbox is finishing, and whether it is closed.

    private Outbox(Socket socket) {
        this.socket = socket;
    }

    /** The outbox of {@code socket}, its writer thread started. */
    static Outbox start(Socket socket) throws IOException {
        // TODO: create the outbox and start its writer thread, which runs run():
        //   new Thread(null, outbox, "chat-writer " + ..., ChatServer.THREAD_STACK_BYTES).
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }

    /** Queues {@code line} for the client. Never blocks, whatever the client does (CHAT-9). */
    synchronized void send(String line) {
        // TODO(CHAT-4): unless finishing or closed, add the line's bytes (line + "\n", in UTF-8)
        //   at the end of the queue, add their count to the backlog, and notifyAll() to wake the
        //   writer. Never write to the socket here: this runs on the SENDER's thread.
        // TODO(CHAT-9): then, if the backlog is over MAX_BACKLOG_BYTES and the write in progress
        //   started more than STALL_NANOS ago, drop the client: mark the outbox closed and
        //   socket.close(). That makes the stuck write fail, and the read of the client's session,
        //   which then unregisters it (the others get LEAVE).
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }

    /** CHAT-7: accepts no more lines, and waits (for a bounded time) until those queued are sent. */
    void finish() {
        // TODO(CHAT-7): under the monitor, mark the outbox finishing and notifyAll(); then, OUTSIDE
        //   the monitor, join() the writer thread for FINISH_TIMEOUT_MS at most. (join() throws
        //   InterruptedException: restore the flag with Thread.currentThread().interrupt().)
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }

    /** The writer thread: sends the queued lines in order, until finished or the connection fails. */
    @Override
    public void run() {
        // TODO(CHAT-4): loop: in a synchronized method, wait() while the queue is empty and the
        //   outbox is neither finishing nor closed (always wait() in a while loop); stop when it
        //   is closed, or finishing with an empty queue. Otherwise take the next line (or several,
        //   up to 64 KiB, to write them in one call), note that a write is in progress and when
        //   it started, and return it.
        // TODO(CHAT-9): write it to socket.getOutputStream() OUTSIDE the monitor: while the write
        //   blocks on a client that does not read, senders must still be able to queue. Then,
        //   back under the monitor, note the write as done and lower the backlog.
        // TODO(CHAT-7): an IOException (the client is gone, or was dropped) ends the loop; in a
        //   finally block mark the outbox closed and clear the queue.
        throw new UnsupportedOperationException("not implemented yet: see specs/chat.md");
    }
}
