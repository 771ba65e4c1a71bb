package io.socketlab.reference.udptransfer;

import io.socketlab.reference.common.Args;
import io.socketlab.reference.common.Failure;
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
        }
    }

    /** Sends {@code file} and returns its SHA-256 once the server has stored it. */
    private static String send(InetSocketAddress server, Path file, byte[] name) throws Failure {
        try (FileChannel content = FileChannel.open(file);
             DatagramSocket socket = new DatagramSocket()) {
            byte[] sha256 = Wire.sha256(content);
            // A random tid, so that a client restarted on the same port is not taken for the old one.
            int tid = ThreadLocalRandom.current().nextInt();
            byte status = new Upload(socket, server, content, content.size(), tid).send(name, sha256);
            if (status != 0) {
                throw Failure.refused("the server discarded the file: its digest did not match (DONE "
                        + Byte.toUnsignedInt(status) + ")"); // UT-15
            }
            return HexFormat.of().formatHex(sha256);
        } catch (IOException e) {
            throw Failure.incomplete("cannot send " + file + " to " + server.getHostString() + ":"
                    + server.getPort() + ": " + e.getMessage());
        }
    }
}
