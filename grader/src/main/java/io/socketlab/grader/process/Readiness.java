package io.socketlab.grader.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Whether every socket this readiness waits for on {@code port} is one of {@code sockets} (inodes): the server
     * started is the one listening, not another program that took the port meanwhile. True where the socket table
     * cannot be read.
     */
    public boolean isOwnedBy(int port, Set<Long> sockets) {
        boolean tcp = this == UDP || !Files.isReadable(PROC_NET.resolve("tcp"))
                || inodes(List.of("tcp", "tcp6"), port, TCP_LISTEN).stream().anyMatch(sockets::contains);
        boolean udp = this == TCP || !Files.isReadable(PROC_NET.resolve("udp"))
                || inodes(List.of("udp", "udp6"), port, null).stream().anyMatch(sockets::contains);
        return tcp && udp;
    }

    /**
     * The inodes of the TCP sockets, in any state, whose local port is {@code port} (one end of a loopback connection,
     * say); empty when the socket table cannot be read.
     */
    public static Optional<List<Long>> tcpSocketsOn(int port) {
        if (!Files.isReadable(PROC_NET.resolve("tcp"))) {
            return Optional.empty();
        }
        return Optional.of(inodes(List.of("tcp", "tcp6"), port, null));
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

    private static boolean inSocketTable(List<String> tables, int port, String state) {
        return !sockets(tables, port, state, true).isEmpty();
    }

    /** The inodes of the sockets on {@code port} (in {@code state}, when not null). */
    private static List<Long> inodes(List<String> tables, int port, String state) {
        return sockets(tables, port, state, false);
    }

    /**
     * Reads /proc/net/{tcp,udp}[6]: column 2 is local address:port in hex, column 4 the state, column 10 the inode.
     * Polled every few milliseconds while servers start, so a line is split only when it names the port at all.
     *
     * @param first stop at the first socket found (its inode may then be unknown, -1)
     */
    private static List<Long> sockets(List<String> tables, int port, String state, boolean first) {
        String wanted = String.format(Locale.ROOT, ":%04X", port);
        String named = wanted + " ";
        List<Long> found = new ArrayList<>();
        for (String table : tables) {
            try {
                for (String line : Files.readAllLines(PROC_NET.resolve(table))) {
                    if (!line.contains(named)) {
                        continue;
                    }
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && fields[1].endsWith(wanted) && (state == null || fields[3].equals(state))) {
                        long inode = fields.length > 9 ? inode(fields[9]) : -1;
                        if (first) {
                            return List.of(inode);
                        }
                        if (inode >= 0) {
                            found.add(inode);
                        }
                    }
                }
            } catch (IOException e) {
                // table6 is absent when IPv6 is disabled
            }
        }
        return found;
    }

    private static long inode(String field) {
        return !field.isEmpty() && field.chars().allMatch(Character::isDigit) ? Long.parseLong(field) : -1;
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
