package io.socketlab.grader.process;

import io.socketlab.grader.model.HarnessException;
import io.socketlab.grader.model.Text;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds ports that are free now (on TCP, and on UDP too where a program serves both) and never hands out the same
 * port twice in one session, so a port a stopped program held cannot be mistaken for the next one's.
 */
public final class PortAllocator {

    private static final int ATTEMPTS = 50;
    private final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

    /** A port free on TCP (and on UDP when {@code udpToo}) on all interfaces. */
    public int allocate(boolean udpToo) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(0));
                int port = tcp.getLocalPort();
                if (handedOut.contains(port) || (udpToo && !udpFree(port))) {
                    continue;
                }
                handedOut.add(port);
                return port;
            } catch (IOException e) {
                // Try another one.
            }
        }
        throw new HarnessException(Text.format("no free port found after %d attempts",
                "no se encontró un puerto libre tras %d intentos", ATTEMPTS));
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
