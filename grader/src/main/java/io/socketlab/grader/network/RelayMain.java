package io.socketlab.grader.network;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The lossy relay as a program, for benchmarks: relays until terminated, then prints its log summary.
 *
 * <p>{@code java -cp socketlab-grader.jar io.socketlab.grader.network.RelayMain --listen P --upstream host:port
 * --loss 0.1 --duplicate 0.01 --reorder-ms 5 --seed S [--follow-server-port]}
 */
@Command(name = "relay", mixinStandardHelpOptions = true,
        description = "Relays UDP between clients and one server, dropping, duplicating and delaying datagrams.")
public final class RelayMain implements Callable<Integer> {

    @Option(names = "--listen", description = "loopback port clients send to (0: any free port, printed)")
    int listen;

    @Option(names = "--upstream", required = true, description = "the server, host:port")
    String upstream;

    @Option(names = "--loss", description = "drop probability, both ways (default ${DEFAULT-VALUE})")
    double loss;

    @Option(names = "--duplicate", description = "duplication probability, both ways (default ${DEFAULT-VALUE})")
    double duplicate;

    @Option(names = "--reorder-ms", description = "maximum random delay in ms, which reorders (default ${DEFAULT-VALUE})")
    long reorderMillis;

    @Option(names = "--follow-server-port", description = "send a client's datagrams to the address the server last"
            + " replied from on its route (TFTP answers each transfer from a new port)")
    boolean followServerPort;

    @Option(names = "--seed", description = "seed of the decisions (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Override
    public Integer call() throws Exception {
        int colon = upstream.lastIndexOf(':');
        if (colon <= 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--upstream must be host:port");
        }
        InetSocketAddress server = new InetSocketAddress(upstream.substring(0, colon),
                Integer.parseInt(upstream.substring(colon + 1)));
        Conditions conditions = Conditions.lossy(loss, duplicate, Duration.ofMillis(reorderMillis));
        LossyRelay relay = LossyRelay.startOn(listen, server, conditions, seed,
                followServerPort ? LossyRelay.ServerPort.FOLLOW_REPLIES : LossyRelay.ServerPort.FIXED);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            relay.close();
            System.out.println("relay summary: " + relay.log().summary());
            System.out.flush();
            stopped.countDown();
        }));
        System.out.println("relaying 127.0.0.1:" + relay.port() + " -> " + server + " (" + conditions + ", seed " + seed
                + (followServerPort ? ", following the server's reply port" : "") + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RelayMain()).execute(args));
    }
}
