package io.socketlab.student.serialization;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.logging.Logger;

/** The report client: sends this machine's inventory report, or with {@code --list} prints the stored ones. */
public final class SerializationClient {

    private static final Logger LOG = Logger.getLogger(SerializationClient.class.getName());

    private static final String PROGRAM = "serialization client";
    private static final String USAGE = "SerializationClient --host H --port N [--list]";
    private static final int ANSWER_TIMEOUT_MS = 10_000; // SER-11

    private SerializationClient() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--host", "--port"), Set.of("--list"));
            args.expectNoPositionals();
            if (args.flag("--list")) {
                list(args.serverAddress());
            } else {
                report(args.serverAddress());
            }
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/serialization.md)");
            System.exit(1);
        }
    }

    /**
     * SER-9: sends this machine's report and prints {@code OK <id>}.
     *
     * @throws Failure {@code Failure.refused} (exit 1) after printing {@code ERROR <code>} for an
     *     error response; {@code Failure.incomplete} (exit 2) for everything in SER-11
     */
    private static void report(InetSocketAddress server) throws Failure {
        // TODO(SER-9): build {"type":"report","hostname":...,"timestamp":...,"runtime":...,"os":...}
        //   with an ObjectMapper: InetAddress.getLocalHost().getHostName() (fall back to
        //   "localhost" if it throws), Instant.now().toString() (RFC 3339),
        //   System.getProperty("java.runtime.name") + " " + System.getProperty("java.runtime.version"),
        //   System.getProperty("os.name") + " " + System.getProperty("os.version").
        // TODO(SER-11): a Socket in try-with-resources; connect(server, ANSWER_TIMEOUT_MS) and
        //   setSoTimeout(ANSWER_TIMEOUT_MS). Connection refused, the server closing before its
        //   answer (Frames.read returns null or throws EOFException) and 10 s of silence
        //   (SocketTimeoutException) are Failure.incomplete(...).
        // TODO(SER-9): send it with Frames.write, read the answer with Frames.read. On
        //   {"status":"ok","id":N} print "OK N"; on {"status":"error","error":CODE,...} print
        //   "ERROR CODE", then throw Failure.refused(...) (exit 1). Print lines with Lines.write.
        throw new UnsupportedOperationException("not implemented yet: see specs/serialization.md");
    }

    /**
     * SER-10: prints each stored report as one line of compact JSON.
     *
     * @throws Failure as {@link #report}
     */
    private static void list(InetSocketAddress server) throws Failure {
        // TODO(SER-10): send {"type":"list"} as in report(); for each element of "reports" in the
        //   answer, print ObjectMapper.writeValueAsString(element): compact, one per line.
        throw new UnsupportedOperationException("not implemented yet: see specs/serialization.md");
    }
}
