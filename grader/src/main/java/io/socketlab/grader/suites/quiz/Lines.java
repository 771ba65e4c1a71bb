package io.socketlab.grader.suites.quiz;

import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.Line;
import io.socketlab.grader.probe.Slicing;

/**
 * QUIZ-8's lines as TCP delivers them: a JOIN one byte per segment, a JOIN ended by CR LF, an ANSWER and another
 * command in one segment, a line that is not UTF-8, a line longer than 8192 bytes. A server that takes one read for
 * one command, or reads without a limit, answers something else.
 */
final class Lines {

    private Lines() {
    }

    static void expectLinesFoundHoweverTheyArrive(ServerUnderTest server) throws Exception {
        Player.newGame(server, 2, "--rounds", "1");
        Player alpha = Player.connect(server, "alpha");
        alpha.probe.send(Bytes.utf8("JOIN alpha\n"), Slicing.everyByte()).expectLine("WELCOME alpha 1/2");
        Player beta = Player.connect(server, "beta");
        beta.probe.send("JOIN beta\r\n");
        beta.expect("WELCOME beta 2/2");
        alpha.expect("JOINED beta 2/2");
        for (Player player : new Player[] {alpha, beta}) {
            player.expect("START 1");
            player.expect(Player.Q1);
        }
        alpha.probe.send("ANSWER paris\nHELLO\n");
        alpha.expect("ACCEPTED 1");
        alpha.expect("ERR unknown-command");

        // A line that is not UTF-8: ERR bad-utf8 is recommended; any ERR <code>, or a close, is allowed.
        Player.connect(server, "garbled").probe
                .send(new byte[] {'A', 'N', 'S', 'W', 'E', 'R', ' ', (byte) 0xff, (byte) 0xfe, '\n'})
                .expectLineLikeOrClose(Line.startingWith("ERR "));

        Player.connect(server, "flooder").probe.send("x".repeat(8193) + "\n").expectLine("ERR line-too-long").expectClosed();

        beta.probe.send(Bytes.utf8("ANSWER Lyón\n"), Slicing.everyByte()).expectLine("ACCEPTED 1");
        alpha.expect("RESULT 1 CORRECT París");
        beta.expect("RESULT 1 WRONG París");
    }
}
