package io.socketlab.grader.suites.udpstream.hidden;

import static io.socketlab.grader.suites.udpstream.StreamDatagrams.end;
import static io.socketlab.grader.suites.udpstream.StreamDatagrams.header;
import static io.socketlab.grader.suites.udpstream.StreamDatagrams.row;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Visibility;
import io.socketlab.grader.suites.udpstream.StreamDatagrams;
import io.socketlab.grader.suites.udpstream.Streams;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The receiver's hidden test: garbage, empty, unknown and truncated datagrams (US-8), robustness a student should
 * reason out from the spec (check a datagram's length against its type before reading a field), not tune against a
 * visible probe.
 */
@ExerciseSuite(exercise = "udp-stream", program = Program.SERVER)
class UdpStreamServerHiddenSuite {

    @Requirement(clause = "US-8", points = 1, visibility = Visibility.HIDDEN)
    void survivesMalformedDatagrams(ServerUnderTest server, Random random) throws Exception {
        byte[] garbage = new byte[100];
        random.nextBytes(garbage);
        garbage[0] = 0x7F;
        long frame = 80;
        byte[] header = header(frame, 16, 8);
        byte[] row = row(frame, 0, new byte[48]);
        List<byte[]> hostile = List.of(garbage, new byte[0], new byte[] {0x09, 0, 0, 0, 80, 1, 2, 3},
                new byte[] {StreamDatagrams.HEADER}, new byte[] {StreamDatagrams.ROW}, new byte[] {StreamDatagrams.END},
                Arrays.copyOf(header, 5), Arrays.copyOf(header, 8), Arrays.copyOf(row, 3), Arrays.copyOf(row, 6),
                Arrays.copyOf(end(frame), 3));
        Streams.survives(server, random, hostile, 81, Text.of("after malformed datagrams", "tras datagramas mal formados"));
    }
}
