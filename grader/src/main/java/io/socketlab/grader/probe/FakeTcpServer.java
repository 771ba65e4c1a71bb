package io.socketlab.grader.probe;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Timeouts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A scripted server that a client under test talks to: it accepts connections one after another on a loopback port
 * and runs the script on each, through a {@link TcpProbe} (the same language the server suites use, so a fake can be
 * as hostile as a probe: replies cut at every byte, slow reads, waits for the client's close). What the script
 * asserts about the client surfaces in {@link #verify}.
 */
public final class FakeTcpServer implements AutoCloseable {

    /** What the fake server does with one accepted connection. */
    @FunctionalInterface
    public interface Script {
        void run(TcpProbe connection) throws Exception;
    }

    /**
     * Socket buffers small enough that a client sending more than a few hundred KiB without reading blocks: a fake
     * with them catches the single-threaded client that deadlocks on input larger than the buffers.
     */
    public static final int SMALL_BUFFERS = 64 * 1024;

    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final int buffers;
    private final Timeouts timeouts;
    private volatile long lastClosedAtNanos;
    private volatile boolean closedOne;

    private FakeTcpServer(ServerSocket serverSocket, int buffers, Script script, Transcript transcript,
                          Timeouts timeouts) {
        this.serverSocket = serverSocket;
        this.buffers = buffers;
        this.timeouts = timeouts;
        this.acceptor = new Thread(() -> serve(script, transcript, timeouts), "socketlab-fake-tcp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FakeTcpServer start(Transcript transcript, Timeouts timeouts, Script script) throws IOException {
        return start(transcript, timeouts, 0, script);
    }

    /** A fake whose connections have socket buffers of {@code buffers} bytes each way (0: the system's). */
    public static FakeTcpServer start(Transcript transcript, Timeouts timeouts, int buffers, Script script)
            throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        if (buffers > 0) {
            serverSocket.setReceiveBufferSize(buffers); // before bind, so the window is small from the start
        }
        serverSocket.bind(new InetSocketAddress("127.0.0.1", 0));
        return new FakeTcpServer(serverSocket, buffers, script, transcript, timeouts);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    /**
     * When the fake last began closing a connection at the end of its script ({@link System#nanoTime()}); empty
     * before it has.
     */
    public OptionalLong lastClosedAtNanos() {
        return closedOne ? OptionalLong.of(lastClosedAtNanos) : OptionalLong.empty();
    }

    private void serve(Script script, Transcript transcript, Timeouts timeouts) {
        while (!serverSocket.isClosed()) {
            try (Socket socket = serverSocket.accept()) {
                if (buffers > 0) {
                    socket.setSendBufferSize(buffers);
                }
                connections.incrementAndGet();
                synchronized (this) {
                    notifyAll();
                }
                String channel = transcript.newChannel("fake", Transcript.Side.SERVER);
                transcript.note(channel, Text.of("client connected", "cliente conectado"));
                TcpProbe probe = new TcpProbe(socket, transcript, channel, timeouts);
                try {
                    script.run(probe);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    // Noted before the close, so a client can never be seen to exit before it.
                    lastClosedAtNanos = System.nanoTime();
                    closedOne = true;
                    probe.close();
                    finished.incrementAndGet();
                    synchronized (this) {
                        notifyAll();
                    }
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    /** Whether a client connected, waiting at most {@code within} for one to. */
    public synchronized boolean awaitConnection(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (connections.get() == 0 && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return connections.get() > 0;
    }

    /**
     * After the client has exited: waits a moment for the script to finish on its connection, then rethrows whatever
     * it asserted about the client.
     */
    public void verify() throws Exception {
        verify(Text.of("the exchange with the fake server", "el intercambio con el servidor falso"),
                timeouts.seconds(2));
    }

    /**
     * Waits until the script has finished on at least one connection (at most {@code within}), then rethrows
     * whatever it asserted about the client.
     */
    public void verify(Text step, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (this) {
            while (finished.get() == 0 && failure.get() == null && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (finished.get() == 0) {
            throw connections.get() == 0
                    ? ConformanceFailure.timeout(step, Text.of("the client to connect", "que el cliente se conecte"),
                    within)
                    : ConformanceFailure.timeout(step, Text.of("the client to finish the exchange",
                    "que el cliente termine el intercambio"), within);
        }
    }

    @Override
    public void close() {
        ProbeSupport.closeQuietly(serverSocket);
        acceptor.interrupt();
    }
}
