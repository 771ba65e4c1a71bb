package io.socketlab.grader.suites.udpstream;

import static io.socketlab.grader.suites.udpstream.ReceiverOutput.expectFrame;
import static io.socketlab.grader.suites.udpstream.ReceiverOutput.send;
import static io.socketlab.grader.suites.udpstream.StreamDatagrams.end;
import static io.socketlab.grader.suites.udpstream.StreamDatagrams.header;
import static io.socketlab.grader.suites.udpstream.StreamDatagrams.row;

import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.DatagramProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Well-behaved streams the grader sends a receiver, and the check that one still works after hostile datagrams:
 * shared by the receiver's public suite and its hidden one (which lives in another package, hence
 * {@link #survives} is public).
 */
public final class Streams {

    private Streams() {
    }

    /** Rows {@code 0..height-1} except {@code missing}. */
    static Set<Integer> rowsExcept(int height, Integer... missing) {
        Set<Integer> rows = IntStream.range(0, height).boxed().collect(Collectors.toCollection(TreeSet::new));
        rows.removeAll(Arrays.asList(missing));
        return rows;
    }

    /** HEADER ×3, the given rows top to bottom, END ×3: a well-behaved sender on a network that lost some rows. */
    static List<byte[]> stream(long frame, TestImage image, Set<Integer> rows, boolean withEnd) {
        List<byte[]> datagrams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            datagrams.add(header(frame, image.width, image.height));
        }
        new TreeSet<>(rows).forEach(y -> datagrams.add(row(frame, y, image.rowBytes(y))));
        if (withEnd) {
            for (int i = 0; i < 3; i++) {
                datagrams.add(end(frame));
            }
        }
        return datagrams;
    }

    static Duration frameWithin(ServerUnderTest server) {
        return server.timeouts().seconds(5);
    }

    /** Streams a whole picture with END and checks the receiver's FRAME line and file. */
    static void streamAndExpect(ServerUnderTest server, DatagramProbe udp, long frame, TestImage image,
                                Set<Integer> rows) throws Exception {
        send(udp, stream(frame, image, rows, true));
        expectFrame(server, frame, image, image.sources(rows), rows.size(), frameWithin(server));
    }

    /** Sends hostile datagrams, then a normal frame that must still be written correctly. */
    public static void survives(ServerUnderTest server, Random random, List<byte[]> hostile, long frame, Text what)
            throws Exception {
        TestImage image = TestImage.random(random, 16, 8);
        try (DatagramProbe udp = server.datagrams()) {
            send(udp, hostile);
            streamAndExpect(server, udp, frame, image, rowsExcept(8));
        }
        server.expectAlive(what);
    }
}
