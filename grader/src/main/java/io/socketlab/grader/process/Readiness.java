package io.socketlab.grader.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How the grader knows a server is ready, without fixed sleeps and without disturbing it: the kernel's socket table
 * (a TCP socket in LISTEN state, a bound UDP socket) where Linux provides one, else a TCP connect.
 */
public enum Readiness {
    /** A TCP socket listens on the port. */
    TCP,
    /** A UDP socket is bound to the port. */
    UDP,
    /** Both, on the same port number (echo). */
    TCP_AND_UDP;

    private static final Path PROC_NET = Path.of("/proc/net");
    private static final String TCP_LISTEN = "0A";

    /** Whether the server is ready on {@code port} now. */
    public boolean isReady(int port) {
        return switch (this) {
            case TCP -> tcpListening(port);
            case UDP -> udpBound(port);
            case TCP_AND_UDP -> tcpListening(port) && udpBound(port);
        };
    }

    static boolean tcpListening(int port) {
        if (!Files.isReadable(PROC_NET.resolve("tcp"))) {
            return connects(port);
        }
        return inSocketTable(List.of("tcp", "tcp6"), port, TCP_LISTEN);
    }

    static boolean udpBound(int port) {
        if (!Files.isReadable(PROC_NET.resolve("udp"))) {
            // Without a socket table there is no way to see a UDP bind from outside: assume it follows TCP.
            return true;
        }
        return inSocketTable(List.of("udp", "udp6"), port, null);
    }

    /**
     * Reads /proc/net/{tcp,udp}[6]: column 2 is local address:port in hex, column 4 the state. Polled every few
     * milliseconds while servers start, so lines are scanned in place rather than split.
     */
    private static boolean inSocketTable(List<String> tables, int port, String state) {
        String wanted = String.format(Locale.ROOT, ":%04X ", port);
        for (String table : tables) {
            try {
                for (String line : Files.readAllLines(PROC_NET.resolve(table))) {
                    // "  sl  local_address rem_address   st ...": the local port ends the second column.
                    int local = line.indexOf(wanted);
                    if (local > 0 && local < line.indexOf(' ', line.indexOf(':') + 2) + 1
                            && (state == null || stateOf(line, local + wanted.length()).equals(state))) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // table6 is absent when IPv6 is disabled
            }
        }
        return false;
    }

    /** The state column: the word after the remote address, which starts at {@code remote}. */
    private static String stateOf(String line, int remote) {
        int afterRemote = line.indexOf(' ', remote);
        int start = afterRemote;
        while (start < line.length() && line.charAt(start) == ' ') {
            start++;
        }
        int end = line.indexOf(' ', start);
        return afterRemote < 0 ? "" : line.substring(start, end < 0 ? line.length() : end);
    }

    private static boolean connects(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
