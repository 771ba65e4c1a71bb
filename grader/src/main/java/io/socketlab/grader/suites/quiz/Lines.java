package io.socketlab.grader.suites.quiz;

import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import java.time.Duration;

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
        alpha.probe.sendSliced(Bytes.utf8("JOIN alpha\n"), 1, Duration.ofMillis(5));
        alpha.expect("WELCOME alpha 1/2");
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

        Player garbled = Player.connect(server, "garbled");
        garbled.probe.send(new byte[] {'A', 'N', 'S', 'W', 'E', 'R', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        Text step = Text.of("reply to a line that is not UTF-8", "respuesta a una línea que no es UTF-8");
        String reply = garbled.probe.readLineOrClose(step, garbled.probe.replyTimeout());
        if (reply != null && !reply.startsWith("ERR ")) {
            throw ConformanceFailure.wrongOutput(step, "an ERR <code> line (ERR bad-utf8 recommended), or the connection closed",
                    Bytes.quote(reply));
        }

        Player flooder = Player.connect(server, "flooder");
        flooder.probe.send("x".repeat(8193) + "\n");
        flooder.expect("ERR line-too-long");
        flooder.probe.expectClosed(Text.of("after ERR line-too-long", "tras ERR line-too-long"), flooder.probe.replyTimeout());

        beta.probe.sendSliced(Bytes.utf8("ANSWER Lyón\n"), 1, Duration.ofMillis(5));
        beta.expect("ACCEPTED 1");
        alpha.expect("RESULT 1 CORRECT París");
        beta.expect("RESULT 1 WRONG París");
    }
}
