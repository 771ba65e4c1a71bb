package io.socketlab.grader.suites.udptransfer.hidden;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.RandomBytes;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Visibility;
import io.socketlab.grader.suites.udptransfer.Datagrams;
import io.socketlab.grader.suites.udptransfer.Sender;
import io.socketlab.grader.suites.udptransfer.ServerDir;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The udp-transfer server's hidden test: every truncated START, DATA and END in the middle of a transfer (UT-9),
 * robustness a student should reason out from the spec (check a datagram's length before reading a field), not tune
 * against a visible probe.
 */
@ExerciseSuite(exercise = "udp-transfer", program = Program.SERVER)
class UdpTransferServerHiddenSuite {

    @Requirement(clause = "UT-9", points = 1, visibility = Visibility.HIDDEN)
    void ignoresTruncated(ServerUnderTest server, Random random) throws Exception {
        Sender sender = new Sender(server.datagrams(), server.timeouts());
        int tid = random.nextInt();
        byte[] content = RandomBytes.of(random, 2048 + 100);
        sender.start(tid, "truncated.bin", content.length);
        sender.chunks(tid, content);
        byte[] start = Datagrams.start(tid + 1, 4000, "other.bin");
        byte[] data = Datagrams.data(tid, 2, Datagrams.chunk(content, 2));
        byte[] end = Datagrams.end(tid, Datagrams.sha256(content));
        for (byte[] whole : List.of(start, data, end)) {
            for (int length = 1; length < (whole == data ? 10 : whole.length); length++) {
                sender.probe().send(Arrays.copyOf(whole, length));
            }
        }
        sender.expectNothingBefore(end, Text.of("the replies after every prefix of a START, a DATA and an END",
                        "las respuestas tras cada prefijo de un START, un DATA y un END"),
                Text.same("DONE status=0"), m -> m.type() == Datagrams.DONE && m.tid() == tid && m.status() == 0);
        ServerDir.expectStored(ServerDir.dir(server), "truncated.bin", content);
    }
}
