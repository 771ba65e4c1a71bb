package io.socketlab.grader.network;

import io.socketlab.grader.network.RelayLog.Event;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A seeded, logged, lossy UDP relay between clients and one upstream UDP server.
 *
 * <p>Clients send to {@code 127.0.0.1:}{@link #port()}. For every distinct client address the relay opens its own
 * upstream socket, so the server sees one address per client (transfers keyed by address stay apart) and its replies
 * find their way back to the right client. Each direction has its own seeded random stream: the same seed and the
 * same sequence of datagrams give the same decisions.
 *
 * <p>By default every client's datagrams go to the fixed upstream address. A server that answers each transfer from a
 * port of its own (TFTP's transfer identifier) needs {@link ServerPort#FOLLOW_REPLIES}: a client's later datagrams then
 * go to the address the server last replied from on that client's route.
 */
public final class LossyRelay implements AutoCloseable {

    private static final int MAX_DATAGRAM = 65_535;
    private static final int SOCKET_BUFFER = 4 << 20;

    private final InetSocketAddress upstream;
    private final DatagramSocket clientSide;
    private final Impairer toServer;
    private final Impairer toClient;
    private final RelayLog log = new RelayLog();
    private final Map<SocketAddress, Upstream> upstreams = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledThreadPoolExecutor delays;
    private final long seed;
    private final ServerPort serverPort;
    private volatile boolean closed;

    /** Where a client's datagrams go once the server has replied. */
    public enum ServerPort {
        /** Always to the upstream address given at start (the graded suites). */
        FIXED,
        /** To the address the server last replied from on that client's route (TFTP answers from a new port). */
        FOLLOW_REPLIES
    }

    private LossyRelay(int port, InetSocketAddress upstream, Conditions conditions, long seed, ServerPort serverPort)
            throws IOException {
        this.upstream = upstream;
        this.seed = seed;
        this.serverPort = serverPort;
        SplittableRandom root = new SplittableRandom(seed);
        this.toServer = new Impairer(conditions.toServer(), rulesFor(conditions, Direction.TO_SERVER), root.split());
        this.toClient = new Impairer(conditions.toClient(), rulesFor(conditions, Direction.TO_CLIENT), root.split());
        this.clientSide = openSocket(port);
        this.delays = new ScheduledThreadPoolExecutor(1, task -> daemon(task, "socketlab-relay-delays-" + port()));
        delays.setRemoveOnCancelPolicy(true);
    }

    /** Starts relaying to {@code upstream} under {@code conditions}, with decisions drawn from {@code seed}. */
    public static LossyRelay start(InetSocketAddress upstream, Conditions conditions, long seed) throws IOException {
        return startOn(0, upstream, conditions, seed);
    }

    /** As {@link #start}, with clients sending to a given loopback port (for benchmarks). */
    public static LossyRelay startOn(int port, InetSocketAddress upstream, Conditions conditions, long seed)
            throws IOException {
        return startOn(port, upstream, conditions, seed, ServerPort.FIXED);
    }

    /** As {@link #startOn(int, InetSocketAddress, Conditions, long)}, choosing where later datagrams go. */
    public static LossyRelay startOn(int port, InetSocketAddress upstream, Conditions conditions, long seed,
                                     ServerPort serverPort) throws IOException {
        LossyRelay relay = new LossyRelay(port, upstream, conditions, seed, serverPort);
        relay.spawn(relay::relayFromClients, "socketlab-relay-clients-" + relay.port());
        return relay;
    }

    /** The loopback port clients send to. */
    public int port() {
        return clientSide.getLocalPort();
    }

    public long seed() {
        return seed;
    }

    public RelayLog log() {
        return log;
    }

    /** How many distinct client addresses have sent through the relay (one upstream socket each). */
    public int clients() {
        return upstreams.size();
    }

    private static List<DropRule> rulesFor(Conditions conditions, Direction direction) {
        return conditions.dropRules().stream().filter(r -> r.direction() == direction).toList();
    }

    private static DatagramSocket openSocket(int port) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        socket.setReceiveBufferSize(SOCKET_BUFFER);
        socket.setSendBufferSize(SOCKET_BUFFER);
        return socket;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private synchronized void spawn(Runnable task, String name) {
        Thread thread = daemon(task, name);
        threads.add(thread);
        thread.start();
    }

    private void relayFromClients() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                clientSide.receive(packet);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue; // e.g. an ICMP error surfacing on the socket: keep relaying
            }
            byte[] datagram = Arrays.copyOf(packet.getData(), packet.getLength());
            Upstream route;
            try {
                route = upstreams.computeIfAbsent(packet.getSocketAddress(), this::openUpstream);
            } catch (IllegalStateException e) {
                return; // closed while opening
            }
            forward(Direction.TO_SERVER, toServer, datagram, route.socket, route.server);
        }
    }

    private Upstream openUpstream(SocketAddress client) {
        try {
            Upstream route = new Upstream(openSocket(0), client, upstream);
            spawn(() -> relayFromServer(route), "socketlab-relay-upstream-" + route.socket.getLocalPort());
            if (closed) {
                route.socket.close();
            }
            return route;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open an upstream socket", e);
        }
    }

    private void relayFromServer(Upstream route) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                route.socket.receive(packet);
            } catch (IOException e) {
                if (closed || route.socket.isClosed()) {
                    return;
                }
                continue; // port unreachable while the server was not up yet, and the like
            }
            byte[] datagram = Arrays.copyOf(packet.getData(), packet.getLength());
            if (serverPort == ServerPort.FOLLOW_REPLIES) {
                route.server = packet.getSocketAddress();
            }
            forward(Direction.TO_CLIENT, toClient, datagram, clientSide, route.client);
        }
    }

    private void forward(Direction direction, Impairer impairer, byte[] datagram, DatagramSocket via, SocketAddress to) {
        long index = log.offered(direction, datagram.length);
        Impairer.Decision decision = impairer.decide(datagram);
        long now = System.nanoTime();
        if (decision.copies().isEmpty()) {
            if (decision.rule() != null) {
                log.ruleHit(decision.rule());
            }
            log.record(new Event(index, direction, RelayLog.Decision.DROPPED, datagram, now));
            return;
        }
        for (Impairer.Copy copy : decision.copies()) {
            RelayLog.Decision kind = copy.duplicate() ? RelayLog.Decision.DUPLICATED
                    : copy.delayNanos() > 0 ? RelayLog.Decision.DELAYED : RelayLog.Decision.DELIVERED;
            log.record(new Event(index, direction, kind, datagram, now));
            if (copy.delayNanos() == 0) {
                send(via, datagram, to);
            } else {
                try {
                    delays.schedule(() -> send(via, datagram, to), copy.delayNanos(), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    return; // closing
                }
            }
        }
    }

    private void send(DatagramSocket via, byte[] datagram, SocketAddress to) {
        try {
            via.send(new DatagramPacket(datagram, datagram.length, to));
        } catch (IOException e) {
            // A closed relay or an unreachable peer: the datagram is lost, as on a real network.
        }
    }

    /** Stops every thread and closes every socket; datagrams still held for a delay are lost. */
    @Override
    public void close() {
        closed = true;
        delays.shutdownNow();
        clientSide.close();
        upstreams.values().forEach(route -> route.socket.close());
        List<Thread> started;
        synchronized (this) {
            started = List.copyOf(threads);
        }
        try {
            for (Thread thread : started) {
                thread.join(1_000);
            }
            delays.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "relay 127.0.0.1:" + port() + " -> " + upstream + " (seed " + seed
                + (serverPort == ServerPort.FOLLOW_REPLIES ? ", following the server's reply port" : "") + ")";
    }

    /** One client's route: its own socket towards the server, and where that client's datagrams go. */
    private static final class Upstream {
        final DatagramSocket socket;
        final SocketAddress client;
        volatile SocketAddress server;

        Upstream(DatagramSocket socket, SocketAddress client, SocketAddress server) {
            this.socket = socket;
            this.client = client;
            this.server = server;
        }
    }
}
