package io.socketlab.student.sockets;

import static io.socketlab.student.Todo.unlessTodo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import io.socketlab.student.common.LineReader;
import io.socketlab.student.common.LineReader.LineTooLongException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * sockets: the given command line, and how to test your LineReader without any network: a stream of bytes in
 * pieces stands for the socket. `mvn test` runs these; the second is skipped until LineReader is written.
 */
class SocketsTests {

    @Test
    void aServerWithoutPortIsAUsageErrorThatQuotesItsSynopsis() throws Failure {
        Args args = Args.parse("SocketsServer --port N [--host H]", new String[0], Set.of("--port", "--host"), Set.of());

        Failure failure = assertThrows(Failure.class, args::listenAddress);

        assertEquals(Failure.USAGE, failure.exitCode());
        assertTrue(failure.getMessage().contains("--port is required"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("(usage: SocketsServer --port N [--host H])"), failure.getMessage());
    }

    @Test
    void aLineInPiecesIsOneLineCrlfEndsOneTooAndTheLimitHolds() throws Exception {
        LineReader lines = new LineReader(pieces("hé", "llo\r", "\nlast"), 8192);

        byte[] first = unlessTodo("LineReader.readLine", lines::readLine);

        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), first);
        assertArrayEquals("last".getBytes(StandardCharsets.UTF_8), lines.readLine());
        assertNull(lines.readLine());
        assertThrows(LineTooLongException.class, () -> new LineReader(pieces("x".repeat(8193) + "\n"), 8192).readLine());
    }

    /** A stream that hands out {@code parts} one read at a time, as TCP segments would. */
    private static InputStream pieces(String... parts) {
        List<InputStream> streams = List.of(parts).stream()
                .map(part -> (InputStream) new ByteArrayInputStream(part.getBytes(StandardCharsets.UTF_8))).toList();
        return new SequenceInputStream(Collections.enumeration(streams));
    }
}
