package io.socketlab.student.udptransfer;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** The udp-transfer client: sends one file, {@code send FILE [NAME]}, and prints {@code OK <sha256>}. */
public final class UdpTransferClient {

    private static final String PROGRAM = "udp-transfer client";
    private static final String USAGE = "UdpTransferClient --host H --port N send FILE [NAME]";
    private static final int MAX_NAME_BYTES = 255; // nameLen is one byte

    private UdpTransferClient() {
    }

    public static void main(String[] argv) {
        try {
            Args args = Args.parse(USAGE, argv, Set.of("--host", "--port"), Set.of());
            List<String> words = args.positionals();
            if (words.size() < 2 || words.size() > 3 || !words.get(0).equals("send")) {
                throw args.usageError("expected send FILE [NAME]");
            }
            Path file = Path.of(words.get(1));
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw args.usageError("cannot read the file " + file); // UT-16: before sending anything
            }
            String name = words.size() == 3 ? words.get(2) : file.getFileName().toString();
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            if (nameBytes.length > MAX_NAME_BYTES) {
                throw args.usageError("a name has at most " + MAX_NAME_BYTES + " bytes");
            }
            System.out.println("OK " + send(args.serverAddress(), file, nameBytes));
            System.out.flush();
        } catch (Failure failure) {
            System.err.println(PROGRAM + ": " + failure.getMessage());
            System.exit(failure.exitCode());
        } catch (UnsupportedOperationException notYet) {
            System.err.println(PROGRAM + ": not implemented yet (see specs/udp-transfer.md)");
            System.exit(1);
        }
    }

    /** Sends {@code file} and returns its SHA-256 once the server has stored it. */
    private static String send(InetSocketAddress server, Path file, byte[] name) throws Failure {
        // TODO: open the file (FileChannel) and a DatagramSocket in try-with-resources; an IOException is
        //   Failure.incomplete(...).
        // TODO: compute Wire.sha256(file), choose a random tid, and run new Upload(...).send(name, sha256).
        // TODO(UT-15): DONE status 1 -> Failure.refused(...); status 0 -> return the digest in lowercase hex.
        throw new UnsupportedOperationException("not implemented yet: see specs/udp-transfer.md");
    }
}
