package io.socketlab.grader.variants.echo;

import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Correct echo client (TCP and --udp); each broken variant overrides exactly one hook below. */
abstract class EchoClientBase {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean inputEnded;
    private VariantSupport.Patience patience;

    final void run(String[] argv) throws IOException {
        Args args = VariantSupport.parse(argv, Set.of("--host", "--port", "--timeout-ms"), Set.of("--udp"));
        if (!args.positional().isEmpty()) {
            VariantSupport.die(2, "usage error: unexpected argument " + args.positional().get(0));
        }
        String host = args.get("--host", "127.0.0.1");
        int port = args.port();
        int timeoutMs = args.intOption("--timeout-ms", 1000, 1, Integer.MAX_VALUE);
        if (args.has("--udp")) {
            runUdp(new InetSocketAddress(host, port), timeoutMs);
        } else {
            runTcp(host, port);
        }
    }

    private void runTcp(String host, int port) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 10_000);
        } catch (ConnectException e) {
            onConnectionRefused(host, port);
            return;
        } catch (IOException e) {
            VariantSupport.die(2, "cannot connect to " + host + ":" + port + ": " + e.getMessage());
        }
        // ECHO-8: an echo is owed while bytes sent have not come back, and the close after the half-close.
        patience = new VariantSupport.Patience("no echo from the server within 10 s");
        Thread upload = new Thread(() -> copyStdin(socket), "stdin-to-socket");
        upload.setDaemon(true);
        upload.start();
        try {
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (received.addAndGet(n) >= sent.get() && !inputEnded) {
                    patience.answered();
                } else {
                    patience.owedFromNow(); // something arrived: the 10 s start again
                }
                System.out.write(buf, 0, n);
                System.out.flush();
            }
            if (!inputEnded) {
                VariantSupport.die(2, "the server closed the connection before the end of the input");
            }
        } catch (IOException e) {
            if (!socket.isClosed()) { // closed by ourselves: a normal end
                VariantSupport.die(2, "connection lost: " + e.getMessage());
            }
        }
        System.out.flush();
        System.exit(0);
    }

    private void copyStdin(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = System.in.read(buf)) >= 0) {
                if (received.get() >= sent.get()) {
                    patience.owedFromNow();
                }
                sent.addAndGet(n);
                out.write(buf, 0, n);
                out.flush();
            }
            patience.owedUnlessAlready(); // the close is owed from now on
            inputEnded = true;
            atStdinEof(socket);
        } catch (IOException e) {
            // the reading side sees the reset or the close and decides the exit code
        }
    }

    private void runUdp(InetSocketAddress server, int timeoutMs) throws IOException {
        if (server.isUnresolved()) {
            VariantSupport.die(2, "unknown host " + server.getHostString());
        }
        boolean anyLost = false;
        try (DatagramSocket udp = new DatagramSocket()) {
            InputStream stdin = new BufferedInputStream(System.in);
            byte[] buf = new byte[65536];
            byte[] line;
            while ((line = VariantSupport.readLine(stdin, Long.MAX_VALUE, true)) != null) {
                line = VariantSupport.stripCr(line);
                if (echoed(udp, server, line, buf, timeoutMs)) {
                    printEcho(line);
                } else {
                    anyLost = true;
                    System.err.println("LOST " + new String(line, StandardCharsets.UTF_8));
                    System.err.flush();
                }
            }
        }
        System.out.flush();
        System.exit(anyLost ? 1 : 0);
    }

    /** Sends {@code line} up to {@link #maxSends()} times, each time waiting for its echo. */
    private boolean echoed(DatagramSocket udp, InetSocketAddress server, byte[] line, byte[] buf, int timeoutMs)
            throws IOException {
        for (int attempt = 0; attempt < maxSends(); attempt++) {
            try {
                udp.send(new DatagramPacket(line, line.length, server));
            } catch (IOException e) {
                return false; // e.g. longer than a datagram can be
            }
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            while (true) {
                long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
                if (leftMs <= 0) {
                    break;
                }
                udp.setSoTimeout((int) Math.min(leftMs, Integer.MAX_VALUE));
                DatagramPacket packet = new DatagramPacket(buf, buf.length);
                try {
                    udp.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                } catch (PortUnreachableException e) {
                    continue;
                }
                // Stale echoes of earlier lines (late retransmissions) are skipped.
                if (packet.getPort() == server.getPort() && packet.getAddress().equals(server.getAddress())
                        && Arrays.equals(buf, 0, packet.getLength(), line, 0, line.length)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Hook: stdin reached EOF. Correct: half-close and keep reading until the server closes. */
    void atStdinEof(Socket socket) throws IOException {
        socket.shutdownOutput();
    }

    /** Hook: printing a UDP echo. Correct: the payload and LF alone. */
    void printEcho(byte[] payload) {
        VariantSupport.printLine(payload);
    }

    /** Hook: TCP connection refused. Correct: one stderr line, exit 2. */
    void onConnectionRefused(String host, int port) {
        VariantSupport.die(2, "connection refused by " + host + ":" + port);
    }

    /** Hook: sends per UDP line. Correct: 3 in all. */
    int maxSends() {
        return 3;
    }
}
