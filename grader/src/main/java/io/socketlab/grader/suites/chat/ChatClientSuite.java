package io.socketlab.grader.suites.chat;

import static io.socketlab.grader.suites.chat.ChatFake.NICK;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.FakeTcpServer;
import io.socketlab.grader.probe.Line;
import io.socketlab.grader.probe.Slicing;
import java.time.Duration;
import java.util.List;

/**
 * The chat client against a fake chat server: the commands it sends, how and when it prints, its exit codes. Past the
 * baseline the fake is hostile as TCP allows: its lines arrive glued together or one byte at a time, lines still
 * arrive after QUIT, and what the client sends must end in LF alone.
 */
@ExerciseSuite(exercise = "chat", program = Program.CLIENT)
class ChatClientSuite {

    private static final List<String> NICK_ARGUMENT = List.of("--nick", NICK);

    @Baseline
    @Requirement(clause = "CHAT-12", points = 1)
    void registersAndQuits(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            connection.expectLine("NICK " + NICK).sendLine("OK " + NICK);
            while (!connection.readLine().equals("QUIT")) {
                // the baseline is gentle: whatever the client sends before QUIT
            }
        });
        ClientUnderTest.Run run = client.start(fake.port(), NICK_ARGUMENT);
        run.awaitPrinted("* connected as " + NICK).endStdin();
        run.awaitExit().expectExitCode(0);
    }

    @Requirement(clause = "CHAT-11", points = 2)
    void translatesCommands(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            ChatFake.expectNick(connection);
            // Hold the OK back: a client that reads stdin before its nick is accepted sends something now.
            connection.expectNoLine(Text.of("the client before its nick was accepted", "el cliente antes de aceptarse su nick"),
                    Text.of("OK alice has not been sent", "aún no se ha enviado OK alice"), Duration.ofMillis(700));
            connection.sendLine("OK " + NICK);
            for (String line : List.of("MSG hello all", "WHO", "PRIV bob psst, a secret", "MSG   spaced  out ", "MSG ",
                    "MSG /WHO", "MSG /msg", "MSG /help", "MSG with crlf", "QUIT")) {
                connection.expectLine(line);
            }
        });
        client.run(fake.port(), NICK_ARGUMENT, Bytes.utf8(
                        "hello all\n/who\n/msg bob psst, a secret\n  spaced  out \n\n/WHO\n/msg\n/help\nwith crlf\r\n/quit\nnever read\n"))
                .expectServedBy(fake)
                .expectExitCode(0);
    }

    @Requirement(clause = "CHAT-11", points = 1)
    void quitsAtEndOfInputAndWaitsForTheClose(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            ChatFake.expectNick(connection);
            connection.sendLine("OK " + NICK)
                    .expectLine("MSG just one line")
                    .expectLine("MSG no newline at the end")
                    .expectLine("QUIT");
            ChatFake.closeAfterQuit(connection, "MSG bob see you", "LEAVE bob");
        });
        client.run(fake.port(), NICK_ARGUMENT, Bytes.utf8("just one line\nno newline at the end"))
                .expectServedBy(fake)
                .expectPrinted("* connected as " + NICK, "[bob] see you", "* bob left")
                .expectExitedAfterTheCloseOf(fake)
                .expectExitCode(0);
    }

    @Requirement(clause = "CHAT-12", points = 1)
    void formatsServerLinesHoweverTheyArrive(ClientUnderTest client) throws Exception {
        String longText = "x".repeat(4092);
        FakeTcpServer fake = client.fakeServer(connection -> {
            ChatFake.expectNick(connection);
            ChatFake.sendTogether(connection, "OK " + NICK, "MSG bob hi  there", "PRIV carol a secret", "JOIN dave",
                    "LEAVE dave", "USERS alice bob carol", "ERR no-such-nick", "SOMETHING else entirely", "MSG bob ",
                    "PRIV carol");
            connection.send(Bytes.utf8("MSG bob " + longText + "\n"), Slicing.pieces(1000));
            connection.send(Bytes.utf8("MSG bob héllo 😀 日本\n"), Slicing.everyByte());
            connection.expectLine("QUIT");
        });
        ClientUnderTest.Run run = client.start(fake.port(), NICK_ARGUMENT);
        run.awaitPrinted("[bob] héllo 😀 日本").endStdin();
        run.awaitExit()
                .expectServedBy(fake)
                .expectPrinted("* connected as " + NICK, "[bob] hi  there", "[carol] (private) a secret", "* dave joined",
                        "* dave left", "* users: alice bob carol", "! no-such-nick", "SOMETHING else entirely", "[bob] ",
                        "[carol] (private) ", "[bob] " + longText, "[bob] héllo 😀 日本")
                .expectExitCode(0);
    }

    @Requirement(clause = "CHAT-12", points = 1)
    void printsWhileStdinIsIdle(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            ChatFake.expectNick(connection);
            ChatFake.sendTogether(connection, "OK " + NICK, "JOIN bob");
            connection.send(Bytes.utf8("MSG bob are you there?\n"), Slicing.everyByte());
            connection.expectLine("QUIT");
        });
        ClientUnderTest.Run run = client.start(fake.port(), NICK_ARGUMENT);
        // Nobody types: bob's message must be printed all the same. Then /quit, with stdin left open: the server's
        // close must end the client, not the end of its input.
        run.awaitPrinted("[bob] are you there?").type("/quit\n");
        run.awaitExit().expectServedBy(fake).expectExitCode(0);
    }

    @Requirement(clause = "CHAT-13", points = 1)
    void exitsOneWhenNickRefused(ClientUnderTest client) throws Exception {
        FakeTcpServer fake = client.fakeServer(connection -> {
            ChatFake.expectNick(connection);
            connection.send(Bytes.utf8("ERR nick-taken\n"), Slicing.everyByte());
            // Nothing of stdin may follow: a QUIT is harmless, then the close.
            connection.expectLineLikeOrClose(Line.exactly("QUIT"));
        });
        client.run(fake.port(), NICK_ARGUMENT, Bytes.utf8("never sent\n"))
                .expectServedBy(fake)
                .expectPrinted("! nick-taken")
                .expectExitCode(1)
                .expectOneErrorLine();
    }

    @Requirement(clause = "CHAT-13", points = 1)
    void exitsTwoWhenRefusedOrCutShort(ClientUnderTest client) throws Exception {
        client.expectExitTwoWhenRefused(NICK_ARGUMENT);
        // Without --nick: a usage error.
        client.run(client.refusedPort(), List.of(), new byte[0])
                .expectExitCode(Text.of("exit code without --nick", "código de salida sin --nick"), 2)
                .expectOneErrorLine();
        FakeTcpServer silent = client.fakeServer(connection -> connection.expectLine("NICK " + NICK));
        client.run(silent.port(), NICK_ARGUMENT, new byte[0]).expectConnectedTo(silent)
                .expectExitCode(Text.of("exit code after a close before the reply to NICK",
                        "código de salida tras un cierre antes de la respuesta a NICK"), 2)
                .expectOneErrorLine();
        FakeTcpServer leaving = client.fakeServer(connection -> connection.expectLine("NICK " + NICK).sendLine("OK " + NICK));
        // stdin stays open: the user has typed nothing, so the client has not sent QUIT when the server leaves.
        client.start(leaving.port(), NICK_ARGUMENT).awaitExit().expectConnectedTo(leaving)
                .expectExitCode(Text.of("exit code after a close before QUIT", "código de salida tras un cierre antes de QUIT"), 2)
                .expectOneErrorLine();
    }
}
