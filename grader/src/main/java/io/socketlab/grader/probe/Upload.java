package io.socketlab.grader.probe;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A payload a {@link TcpProbe} is sending from a second thread while the test reads ({@link
 * TcpProbe#sendInBackground}). The thread ends when everything is written or the connection fails, and at the latest
 * when the probe is closed.
 */
public final class Upload {

    private static final int CHUNK = 64 * 1024;

    private final TcpProbe probe;
    private final Payload payload;
    private final Thread thread;
    private volatile long sent;
    private volatile boolean answeredWhileSending;
    private IOException failure;
    private boolean finished;
    private boolean shutdownWhenDone;

    Upload(TcpProbe probe, Payload payload) {
        this.probe = probe;
        this.payload = payload;
        this.thread = new Thread(this::run, "socketlab-upload");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Half-closes the connection once everything is written (at once, if it already is). */
    public Upload thenShutdownOutput() throws IOException {
        boolean now;
        synchronized (this) {
            shutdownWhenDone = true;
            now = finished && failure == null;
        }
        if (now) {
            probe.shutdownOutput();
        }
        return this;
    }

    private void run() {
        OutputStream out = probe.output();
        byte[] chunk = new byte[CHUNK];
        try (InputStream source = payload.open()) {
            for (int n = source.read(chunk); n > 0; n = source.read(chunk)) {
                out.write(chunk, 0, n);
                sent += n;
            }
            out.flush();
            // Read by the test or still waiting in the receive buffer: either way it came while sending.
            if (probe.anythingArrived()) {
                answeredWhileSending = true;
            }
            boolean shutdown;
            synchronized (this) {
                finished = true;
                shutdown = shutdownWhenDone;
                notifyAll();
            }
            if (shutdown) {
                probe.shutdownOutput();
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
                finished = true;
                notifyAll();
            }
        }
    }

    /** Called by the probe whenever it reads bytes: before the upload has finished, they answered it while sending. */
    synchronized void answerArrived() {
        if (!finished) {
            answeredWhileSending = true;
        }
    }

    /** Waits (within the reply timeout) until everything is written; a peer that stops reading fails. */
    public Upload expectFinished() {
        Duration within = probe.timeouts().seconds(10);
        Text step = Facts.allSent(payload);
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (this) {
            while (!finished) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw ConformanceFailure.timeout(step, Facts.allSent(payload),
                            Facts.peerStoppedReading(probe.peer(), sent, payload.size(), within));
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for an upload", e);
                }
            }
            if (failure != null) {
                throw ConformanceFailure.closed(step, Facts.allSent(payload),
                        Facts.sendingStopped(sent, payload.size(), failure.getMessage()));
            }
        }
        return this;
    }

    /**
     * Fails unless answers arrived before everything was sent: a peer that answers only once it has read the whole
     * stream (it keeps it all in memory) is caught here. Meaningful for payloads larger than the socket buffers can
     * hold unread (several MiB): a smaller one may be written whole before the peer even starts reading.
     */
    public Upload expectAnsweredWhileSending() {
        if (!answeredWhileSending) {
            throw ConformanceFailure.wrongOutput(Facts.replyTo(probe.peer(), payload.description()),
                    Facts.answersWhileSending(), Facts.nothingBackUntilAllSent(payload));
        }
        return this;
    }
}
