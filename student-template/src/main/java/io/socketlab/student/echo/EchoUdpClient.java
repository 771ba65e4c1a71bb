package io.socketlab.student.echo;

import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.util.logging.Logger;

/** The UDP mode of the echo client: each stdin line is one datagram, sent until echoed or three times. */
final class EchoUdpClient {

    private static final Logger LOG = Logger.getLogger(EchoUdpClient.class.getName());

    private static final int MAX_PAYLOAD_BYTES = 65_507; // the most one IPv4 datagram carries
    // Longer lines are still read whole, to be reported LOST without being sent.
    private static final int MAX_LINE_BYTES = 1 << 20;
    private static final int ATTEMPTS = 3; // ECHO-9: at most 3 sends in all

    private final InetSocketAddress server;
    private final int timeoutMs;

    EchoUdpClient(InetSocketAddress server, int timeoutMs) {
        this.server = server;
        this.timeoutMs = timeoutMs;
    }

    /**
     * ECHO-9: sends every stdin line and says whether all of them came back.
     *
     * @throws Failure {@code Failure.incomplete} (exit 2) if the socket fails
     */
    boolean run() throws Failure {
        // TODO(ECHO-9): read stdin lines with a LineReader(System.in, MAX_LINE_BYTES); each line
        //   (without its LF or CR) is one DatagramPacket to `server`, from one DatagramSocket.
        //   A line longer than MAX_PAYLOAD_BYTES is LOST without being sent.
        // TODO(ECHO-9): send it, then wait up to timeoutMs (setSoTimeout) for its echo; send it at
        //   most ATTEMPTS times in all. A datagram that does not come from `server` or does not
        //   hold exactly this line (a late echo of an earlier one) does not count: keep waiting
        //   until this attempt's timeoutMs are over.
        // TODO(ECHO-9): print each echoed payload followed by LF (flush); for a line never
        //   echoed print "LOST <line>" on System.err and go on. Return whether all came back.
        throw new UnsupportedOperationException("not implemented yet: see specs/echo.md");
    }
}
