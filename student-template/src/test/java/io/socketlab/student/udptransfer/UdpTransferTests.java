package io.socketlab.student.udptransfer;

import static io.socketlab.student.Todo.unlessTodo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * udp-transfer: the given wire arithmetic and timer, and how to test your server datagram by datagram: Transfers
 * answers one datagram at a time, so a test needs no socket, only a temporary folder.
 */
class UdpTransferTests {

    @TempDir
    Path dir;

    @Test
    void aFileIsCutIn1024ByteChunksAndTheFirstTimeoutIs200Ms() {
        assertEquals(2, Wire.chunkCount(1500));
        assertEquals(476, Wire.chunkLength(1500, 1));
        assertEquals(200_000_000L, new RoundTripEstimator().timeoutNanos(0));
    }

    @Test
    void aStartWithABadNameGetsErrorOne() throws Exception {
        Transfers transfers = new Transfers(dir);
        byte[] name = "../passwd".getBytes(StandardCharsets.UTF_8);
        ByteBuffer start = ByteBuffer.allocate(14 + name.length).put(Wire.START).putInt(7).putLong(10)
                .put((byte) name.length).put(name).flip();

        ByteBuffer reply = unlessTodo("Transfers.answer",
                () -> transfers.answer(new InetSocketAddress("127.0.0.1", 5000), start));

        assertArrayEquals(new byte[] {Wire.ERROR, 0, 0, 0, 7, Wire.ERROR_BAD_NAME}, Arrays.copyOf(reply.array(), reply.limit()));
    }
}
