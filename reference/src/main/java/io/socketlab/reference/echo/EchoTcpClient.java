package io.socketlab.reference.echo;

import io.socketlab.reference.common.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/** The TCP mode of the echo client: stdin goes to the server in one thread, the echo to stdout in another. */
final class EchoTcpClient {

    private static final int ANSWER_TIMEOUT_MS = 10_000;
    private static final int BUFFER_BYTES = 8192;
    private static final Logger LOG = Logger.getLogger(EchoTcpClient.class.getName());

    private final InetSocketAddress server;
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    /** When the answer now owed became owed (System.nanoTime()): a byte sent with nothing owed, or the half-close. */
    private volatile long owedSinceNanos;
    private volatile boolean inputEnded;
    private volatile IOException uploadFailure;

    EchoTcpClient(InetSocketAddress server) {
        this.server = server;
    }

    /** ECHO-8: copies until the server closes after the end of stdin. */
    void run() throws Failure {
        try (Socket socket = new Socket()) {
            try {
                socket.connect(server, ANSWER_TIMEOUT_MS);
            } catch (IOException e) {
                throw Failure.incomplete("cannot connect to " + server.getHostString() + ":"
                        + server.getPort() + ": " + e.getMessage()); // ECHO-10
            }
            socket.setSoTimeout(ANSWER_TIMEOUT_MS);
            LOG.fine(() -> "connected to " + socket.getRemoteSocketAddress());
            Thread upload = new Thread(() -> upload(socket), "echo-upload");
            // Once the server has closed, the program ends even if stdin has not.
            upload.setDaemon(true);
            upload.start();
            download(socket);
        } catch (IOException e) {
            throw Failure.incomplete("connection lost: " + e.getMessage());
        }
    }

    /** Copies stdin to the socket, then half-closes it so that the server knows to finish. */
    private void upload(Socket socket) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try {
            OutputStream out = socket.getOutputStream();
            for (int n = System.in.read(buffer); n != -1; n = System.in.read(buffer)) {
                owedFromNow();
                bytesSent.addAndGet(n); // counted first: from now on, an echo is owed
                out.write(buffer, 0, n);
            }
            owedFromNow(); // the close is owed from now on, unless an echo already was
            inputEnded = true;
            LOG.fine(() -> "end of stdin after " + bytesSent + " bytes: half-close");
            socket.shutdownOutput();
        } catch (IOException e) {
            uploadFailure = e; // reported by download(), which owns the program's outcome
        }
    }

    /** Marks the moment an answer becomes owed, when none was. */
    private void owedFromNow() {
        if (!inputEnded && bytesReceived.get() >= bytesSent.get()) {
            owedSinceNanos = System.nanoTime();
        }
    }

    /**
     * Copies the socket to stdout until the server closes. The contract's 10 s count while an answer is owed, from
     * the later of the last arrival and the moment it became owed: a socket timeout that started while nothing was
     * owed is only a moment to look again.
     */
    private void download(Socket socket) throws IOException, Failure {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[BUFFER_BYTES];
        long lastArrivalNanos = System.nanoTime();
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                if (uploadFailure != null) {
                    throw Failure.incomplete("cannot send: " + uploadFailure.getMessage());
                }
                if (bytesReceived.get() >= bytesSent.get() && !inputEnded) {
                    socket.setSoTimeout(ANSWER_TIMEOUT_MS);
                    continue; // nothing is owed while stdin is quiet
                }
                long since = owedSinceNanos - lastArrivalNanos > 0 ? owedSinceNanos : lastArrivalNanos;
                long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
                if (silentMs >= ANSWER_TIMEOUT_MS) {
                    throw Failure.incomplete("no echo within " + ANSWER_TIMEOUT_MS / 1000 + " s");
                }
                socket.setSoTimeout((int) (ANSWER_TIMEOUT_MS - silentMs));
                continue;
            }
            if (n == -1) {
                LOG.fine("the server closed the connection");
                break;
            }
            lastArrivalNanos = System.nanoTime();
            bytesReceived.addAndGet(n);
            System.out.write(buffer, 0, n);
            System.out.flush();
        }
        if (!inputEnded) {
            throw Failure.incomplete("the server closed the connection before the end of the input");
        }
    }
}
