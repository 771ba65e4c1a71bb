package io.socketlab.grader.suites.udpstream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How many datagrams the kernel has thrown away at a UDP port because its socket's receive buffer was full (the
 * "drops" column of /proc/net/udp and udp6). A receiver that a loaded machine left unscheduled for a few tens of
 * milliseconds loses rows the relay counts as delivered: the grader must know, so as not to blame it for them.
 */
final class SocketDrops {

    private static final Path PROC_NET = Path.of("/proc/net");
    /** Column of the local address:port, and of the drop count, in /proc/net/udp (0-based, after the "sl" column). */
    private static final int LOCAL = 1;
    private static final int DROPS = 12;

    private SocketDrops() {
    }

    /** The datagrams dropped so far at sockets bound to {@code port}; 0 where the socket table cannot be read. */
    static long at(int port) {
        String wanted = String.format(Locale.ROOT, ":%04X", port);
        long drops = 0;
        for (String table : List.of("udp", "udp6")) {
            try {
                for (String line : Files.readAllLines(PROC_NET.resolve(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > DROPS && fields[LOCAL].endsWith(wanted) && fields[DROPS].matches("\\d+")) {
                        drops += Long.parseLong(fields[DROPS]);
                    }
                }
            } catch (IOException e) {
                // No such table (IPv6 off, or not Linux): nothing to add.
            }
        }
        return drops;
    }
}
