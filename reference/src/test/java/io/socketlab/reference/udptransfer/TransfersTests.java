package io.socketlab.reference.udptransfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's answers, datagram by datagram, without sockets. */
class TransfersTests {

    private static final SocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 5000);
    private static final SocketAddress OTHER_CLIENT = new InetSocketAddress("127.0.0.1", 5001);
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    @Test
    void aRepeatedStartGetsTheSameAnswerAndKeepsTheChunks() throws IOException {
        Transfers transfers = new Transfers(dir);
        byte[] content = bytes(1500);
        assertThat(answer(transfers, CLIENT, start(7, "a.bin", 1500))).isEqualTo("1100000007");
        assertThat(answer(transfers, CLIENT, data(7, 0, content, 0, 1024))).isEqualTo("120000000700000000");
        assertThat(answer(transfers, CLIENT, start(7, "a.bin", 1500))).isEqualTo("1100000007");
        assertThat(answer(transfers, CLIENT, data(7, 1, content, 1024, 1500))).isEqualTo("120000000700000001");
        assertThat(answer(transfers, CLIENT, end(7, content))).isEqualTo("130000000700");
        assertThat(dir.resolve("a.bin")).hasBinaryContent(content);
    }

    @Test
    void refusesBadNamesFirstThenTooLargeSizes() throws IOException {
        Transfers transfers = new Transfers(dir);
        for (String name : new String[] {"", ".", "..", "../x", "a/b", ".hidden", "a\0b", "é"}) {
            assertThat(answer(transfers, CLIENT, start(1, name, 10))).as(name).isEqualTo("1f0000000101");
        }
        assertThat(answer(transfers, CLIENT, start(1, "big", Wire.MAX_FILE_BYTES + 1))).isEqualTo("1f0000000102");
        assertThat(answer(transfers, CLIENT, start(1, "big", -1))).isEqualTo("1f0000000102"); // 2^64 - 1
        assertThat(answer(transfers, CLIENT, start(1, "../big", Wire.MAX_FILE_BYTES + 1))).isEqualTo("1f0000000101");
        assertThat(answer(transfers, CLIENT, start(1, "max", Wire.MAX_FILE_BYTES))).isEqualTo("1100000001");
        assertThat(answer(transfers, CLIENT, start(2, "x".repeat(255), 0))).isEqualTo("1100000002");
    }

    @Test
    void endWaitsForEveryChunkAndAWrongDigestStoresNothing() throws IOException {
        Transfers transfers = new Transfers(dir);
        byte[] content = bytes(2048);
        answer(transfers, CLIENT, start(3, "f", 2048));
        answer(transfers, CLIENT, data(3, 1, content, 1024, 2048));
        assertThat(answer(transfers, CLIENT, end(3, new byte[1]))).isNull(); // chunk 0 missing
        answer(transfers, CLIENT, data(3, 0, content, 0, 1024));
        assertThat(answer(transfers, CLIENT, end(3, new byte[1]))).isEqualTo("130000000301");
        assertThat(answer(transfers, CLIENT, end(3, content))).isEqualTo("130000000301"); // the same DONE again
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty(); // neither the file nor its temporary file
        }
    }

    @Test
    void ignoresMalformedDataAndKeysTransfersByClientAndTid() throws IOException {
        Transfers transfers = new Transfers(dir);
        byte[] one = bytes(1025);
        byte[] two = bytes(3);
        answer(transfers, CLIENT, start(9, "one", 1025));
        answer(transfers, OTHER_CLIENT, start(9, "two", 3));
        assertThat(answer(transfers, CLIENT, data(9, 2, one, 0, 1))).isNull(); // seq out of range
        assertThat(answer(transfers, CLIENT, data(9, 1, one, 0, 2))).isNull(); // last chunk is 1 byte
        assertThat(answer(transfers, CLIENT, data(9, 0, one, 0, 1023))).isNull(); // short chunk
        byte[] startDatagram = start(9, "one", 1025);
        for (int length = 0; length < startDatagram.length; length++) {
            assertThat(answer(transfers, CLIENT, Arrays.copyOf(startDatagram, length))).as("START cut to %d", length).isNull();
        }
        assertThat(answer(transfers, CLIENT, new byte[] {0x7F, 0, 0, 0, 9})).isNull(); // unknown type
        assertThat(answer(transfers, CLIENT, end(10, one))).isNull(); // unknown tid
        answer(transfers, OTHER_CLIENT, data(9, 0, two, 0, 3));
        answer(transfers, CLIENT, data(9, 1, one, 1024, 1025));
        answer(transfers, CLIENT, data(9, 0, one, 0, 1024));
        assertThat(answer(transfers, CLIENT, end(9, one))).isEqualTo("130000000900");
        assertThat(answer(transfers, OTHER_CLIENT, end(9, two))).isEqualTo("130000000900");
        assertThat(dir.resolve("one")).hasBinaryContent(one);
        assertThat(dir.resolve("two")).hasBinaryContent(two);
    }

    private static String answer(Transfers transfers, SocketAddress client, byte[] datagram) throws IOException {
        ByteBuffer reply = transfers.answer(client, ByteBuffer.wrap(datagram));
        return reply == null ? null : HEX.formatHex(reply.array(), 0, reply.limit());
    }

    private static byte[] start(int tid, String name, long size) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(14 + nameBytes.length).put(Wire.START).putInt(tid).putLong(size)
                .put((byte) nameBytes.length).put(nameBytes).array();
    }

    private static byte[] data(int tid, int seq, byte[] content, int from, int to) {
        return ByteBuffer.allocate(9 + to - from).put(Wire.DATA).putInt(tid).putInt(seq)
                .put(content, from, to - from).array();
    }

    /** END with the SHA-256 of {@code content}. */
    private static byte[] end(int tid, byte[] content) {
        return ByteBuffer.allocate(37).put(Wire.END).putInt(tid).put(Wire.sha256().digest(content)).array();
    }

    private static byte[] bytes(int size) {
        byte[] content = new byte[size];
        for (int i = 0; i < size; i++) {
            content[i] = (byte) (i * 31 + 7);
        }
        return content;
    }
}
