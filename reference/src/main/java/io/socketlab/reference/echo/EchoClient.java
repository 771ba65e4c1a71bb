package io.socketlab.reference.echo;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
import java.net.InetSocketAddress;
import java.util.Set;

/** The echo client: pipes standard input through an echo server over TCP, or line by line over UDP. */
public final class EchoClient {

    static final String PROGRAM = "echo client";
    private static final String USAGE = "EchoClient --host H --port N [--udp] [--timeout-ms T]";
    private static final int DEFAULT_TIMEOUT_MS = 1_000; // ECHO-9

    private EchoClient() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--host", "--port", "--timeout-ms"), Set.of("--udp"));
            args.expectNoPositionals();
            InetSocketAddress server = args.serverAddress();
            if (args.flag("--udp")) {
                int timeoutMs = args.intValue("--timeout-ms", DEFAULT_TIMEOUT_MS, 1, Integer.MAX_VALUE);
                boolean allEchoed = new EchoUdpClient(server, timeoutMs).run();
                // ECHO-9: each lost line has already been reported on stderr.
                System.exit(allEchoed ? 0 : Failure.REFUSED);
            }
            new EchoTcpClient(server).run();
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        }
    }
}
