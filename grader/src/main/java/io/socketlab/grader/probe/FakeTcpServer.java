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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A scripted server that a client under test talks to: it accepts connections one after another on a loopback port
 * and runs the script on each. What the script asserts about the client surfaces in {@link #verify}.
 */
public final class FakeTcpServer implements AutoCloseable {

    /** What the fake server does with one accepted connection. */
    @FunctionalInterface
    public interface Script {
        void run(TcpProbe connection) throws Exception;
    }

    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();

    private FakeTcpServer(ServerSocket serverSocket, Script script, Transcript transcript, Timeouts timeouts) {
        this.serverSocket = serverSocket;
        this.acceptor = new Thread(() -> serve(script, transcript, timeouts), "socketlab-fake-tcp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FakeTcpServer start(Transcript transcript, Timeouts timeouts, Script script) throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress("127.0.0.1", 0));
        return new FakeTcpServer(serverSocket, script, transcript, timeouts);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    private void serve(Script script, Transcript transcript, Timeouts timeouts) {
        while (!serverSocket.isClosed()) {
            try (Socket socket = serverSocket.accept()) {
                connections.incrementAndGet();
                synchronized (this) {
                    notifyAll();
                }
                String channel = transcript.newChannel("fake", Transcript.Side.SERVER);
                transcript.note(channel, "client connected");
                try (TcpProbe probe = new TcpProbe(socket, transcript, channel, timeouts)) {
                    script.run(probe);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
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
                    ? ConformanceFailure.timeout(step, "the client to connect", within)
                    : ConformanceFailure.timeout(step, "the client to finish the exchange", within);
        }
    }

    @Override
    public void close() {
        TcpProbe.closeQuietly(serverSocket);
        acceptor.interrupt();
    }
}
