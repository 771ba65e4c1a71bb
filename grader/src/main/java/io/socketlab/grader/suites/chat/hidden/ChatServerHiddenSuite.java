package io.socketlab.grader.suites.chat.hidden;

import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.model.Visibility;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.Line;
import io.socketlab.grader.probe.Slicing;
import io.socketlab.grader.suites.chat.Chatter;
import java.util.List;

/**
 * The chat server's hidden test: lines split anywhere (even inside a character), coalesced, or not valid UTF-8
 * (CHAT-8), framing a student should reason out from the spec, not tune against a visible probe.
 */
@ExerciseSuite(exercise = "chat", program = Program.SERVER, freshServerPerTest = true)
class ChatServerHiddenSuite {

    @Requirement(clause = "CHAT-8", points = 1, visibility = Visibility.HIDDEN)
    void handlesFramingAndBadEncoding(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        alice.expect(Text.of("alice after bob joined", "alice tras entrar bob"), "JOIN bob");
        bob.probe.send("MSG with crlf\r\n");
        alice.expect(Text.of("alice after a CRLF line", "alice tras una línea con CRLF"), "MSG bob with crlf");
        bob.probe.send(Bytes.utf8("MSG sliced é 😀\n"), Slicing.everyByte());
        alice.expect(Text.of("alice after a line sent byte by byte", "alice tras una línea enviada byte a byte"),
                "MSG bob sliced é 😀");
        bob.probe.send("MSG one\nMSG two\n");
        Text coalesced = Text.of("alice after two coalesced lines", "alice tras dos líneas agrupadas");
        alice.expect(coalesced, "MSG bob one");
        alice.expect(coalesced, "MSG bob two");
        Chatter mallory = Chatter.join(server, "mallory");
        alice.expect(Text.of("alice after mallory joined", "alice tras entrar mallory"), "JOIN mallory");
        mallory.probe.send(new byte[] {'M', 'S', 'G', ' ', (byte) 0xff, (byte) 0xfe, 'x', '\n'});
        // ERR bad-utf8 is recommended; any ERR <code>, or a close, is allowed.
        boolean closed = mallory.probe.expectLineLikeOrClose(Line.startingWith("ERR ")).isEmpty();
        server.expectAlive(Text.of("after invalid UTF-8", "tras UTF-8 inválido"));
        bob.send("MSG still here");
        // The invalid line is never forwarded; a closed mallory has left like any client (CHAT-7).
        Text aliceHears = Text.of("alice after invalid UTF-8 from mallory", "alice tras UTF-8 inválido de mallory");
        if (closed) {
            alice.expectEach(aliceHears, List.of("LEAVE mallory", "MSG bob still here"));
            Chatter.join(server, "mallory");
        } else {
            alice.expect(aliceHears, "MSG bob still here");
            mallory.expect(Text.of("mallory, still registered after ERR", "mallory, aún registrada tras ERR"),
                    "MSG bob still here");
            mallory.expectNextReplyToWho();
        }
    }
}
