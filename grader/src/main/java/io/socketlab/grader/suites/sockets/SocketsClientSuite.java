package io.socketlab.grader.suites.sockets;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientResult;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import java.util.List;

/**
 * The sockets client against the sockets server the grader plays: gentle in the baseline, then as hostile as TCP
 * allows (replies in pieces, a close that comes late, an ERR, a server that breaks off or falls silent).
 */
@ExerciseSuite(exercise = "sockets", program = Program.CLIENT)
class SocketsClientSuite {

    private static final byte[] NO_INPUT = new byte[0];

    @Baseline
    @Requirement(clause = "SOCK-9", points = 1)
    void sendsOneMessageAndBye(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = SocketsConversation.expecting("HELLO fake", List.of("hello")).start(client);
        ClientResult result = client.run(fake.port(), List.of("hello"), NO_INPUT);
        result.expectServedBy(fake).expectStdoutLines(List.of("HELLO fake", "RECEIVED 5", "BYE")).expectExitCode(0);
    }

    @Requirement(clause = "SOCK-9", points = 1)
    void readsRepliesThatArriveInPieces(ClientUnderTest client) throws Exception {
        String greeting = "HELLO  Señor Servidor  ";
        List<String> messages = List.of("one", "two words", "ünï", "");
        FakeTcpServer fake = SocketsConversation.expecting(greeting, messages).hostile().start(client);
        ClientResult result = client.run(fake.port(), messages, NO_INPUT);
        result.expectServedBy(fake)
                .expectPrinted(greeting, "RECEIVED 3", "RECEIVED 9", "RECEIVED 5", "RECEIVED 0", "BYE")
                .expectExitedAfterTheCloseOf(fake)
                .expectExitCode(0);
    }

    @Requirement(clause = "SOCK-9", points = 1)
    void stopsAtAnErrWithOneLineOnStderr(ClientUnderTest client) throws Exception {
        String tooLong = "x".repeat(8193);
        FakeTcpServer fake = SocketsConversation.expecting("HELLO fake", List.of("fine", tooLong))
                .hostile().refusing(tooLong).start(client);
        ClientResult result = client.run(fake.port(), List.of("fine", tooLong, "never sent"), NO_INPUT);
        result.expectServedBy(fake)
                .expectPrinted("HELLO fake", "RECEIVED 4", "ERR line-too-long")
                .expectExitCode(1)
                .expectOneErrorLine();
    }

    @Requirement(clause = "SOCK-10", points = 1)
    void sendsEachStdinLineAsSoonAsItIsRead(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = SocketsConversation.expecting("HELLO fake", List.of("first", "", "second line"))
                .hostile().start(client);
        ClientUnderTest.Run run = client.start(fake.port(), List.of());
        run.type("first\n").awaitPrinted("RECEIVED 5")
                .type("\n").awaitPrinted("RECEIVED 0")
                .type("second line\n").awaitPrinted("RECEIVED 11")
                .endStdin();
        run.awaitExit().expectServedBy(fake)
                .expectPrinted("HELLO fake", "RECEIVED 5", "RECEIVED 0", "RECEIVED 11", "BYE")
                .expectExitCode(0);
    }

    @Requirement(clause = "SOCK-10", points = 1)
    void handlesStdinLineEnds(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = SocketsConversation.expecting("HELLO fake", List.of("windows", "no newline"))
                .hostile().start(client);
        ClientResult result = client.run(fake.port(), List.of(), Bytes.utf8("windows\r\nno newline"));
        result.expectServedBy(fake).expectPrinted("HELLO fake", "RECEIVED 7", "RECEIVED 10", "BYE").expectExitCode(0);

        FakeTcpServer empty = SocketsConversation.expecting("HELLO fake", List.of()).hostile().start(client);
        client.run(empty.port(), List.of(), NO_INPUT)
                .expectServedBy(empty).expectPrinted("HELLO fake", "BYE").expectExitCode(0);
    }

    @Requirement(clause = "SOCK-11", points = 1)
    void exitsTwoWhenRefused(ClientUnderTest client) {
        client.run(client.refusedPort(), List.of("hello"), NO_INPUT).expectExitCode(2).expectOneErrorLine();
    }

    @Requirement(clause = "SOCK-11", points = 1)
    void exitsTwoWhenTheServerBreaksOff(ClientUnderTest client) throws Exception {
        FakeTcpServer closing = SocketsConversation.expecting("HELLO fake", List.of("one"))
                .closingAfterTheFirstMessage().start(client);
        client.run(closing.port(), List.of("one", "two"), NO_INPUT)
                .expectServedBy(closing).expectPrinted("HELLO fake").expectExitCode(2).expectOneErrorLine();

        FakeTcpServer silent = SocketsConversation.expecting("HELLO fake", List.of("one"))
                .silentAfterTheFirstMessage().start(client);
        ClientUnderTest.Run waiting = client.start(silent.port(), List.of("one", "two"));
        waiting.writeStdinAndClose(NO_INPUT);
        // The contract's 10 s, and time for the program to start and to end on a busy machine.
        waiting.awaitExit(client.timeouts().seconds(22))
                .expectServedBy(silent).expectPrinted("HELLO fake").expectExitCode(2).expectOneErrorLine();
    }
}
