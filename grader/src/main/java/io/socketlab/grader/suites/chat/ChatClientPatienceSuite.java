package io.socketlab.grader.suites.chat;

import static io.socketlab.grader.suites.chat.ChatFake.NICK;

import io.socketlab.grader.conformance.ClientUnderTest;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.FakeTcpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CHAT-13's waits, against fake servers that fall silent: an idle chat is owed nothing and never times out; a NICK
 * unanswered for 10 s, or no close 10 s after QUIT, ends the client with exit code 2 and one stderr line, no sooner.
 * The two clients run at once.
 */
@ExerciseSuite(exercise = "chat", program = Program.CLIENT)
class ChatClientPatienceSuite {

    private static final List<String> NICK_ARGUMENT = List.of("--nick", NICK);
    /** Longer than the contract's 10 s: a client that counts them in an idle chat gives up meanwhile. */
    private static final Duration IDLE_CHAT = Duration.ofSeconds(11);
    /** The contract's 10 s, less the moment between the grader seeing the silence begin and the client seeing it. */
    private static final Duration NO_SOONER = Duration.ofMillis(9500);

    @Requirement(clause = "CHAT-13", points = 1)
    void chatsIdleButGivesUpOnASilentServer(ClientUnderTest client) throws Exception {
        Duration patience = client.timeouts().seconds(30);
        Text waitingForTheClose = Text.of("waiting, silent, for the client to give up and close",
                "esperando, en silencio, a que el cliente se rinda y cierre");

        AtomicLong nickSent = new AtomicLong();
        FakeTcpServer mute = client.fakeServer(connection -> {
            ChatFake.expectNick(connection);
            nickSent.set(System.nanoTime());
            connection.expectClosed(waitingForTheClose, patience);
        });
        AtomicLong quitSent = new AtomicLong();
        FakeTcpServer lingering = client.fakeServer(connection -> {
            ChatFake.expectNick(connection);
            connection.sendLine("OK " + NICK);
            connection.expectNoLine(Text.of("what the client does in a chat where nobody speaks",
                            "lo que hace el cliente en un chat donde nadie habla"),
                    Text.of("an idle chat is owed nothing: the client stays, however long",
                            "un chat en silencio no espera ninguna respuesta: el cliente sigue, el tiempo que sea"),
                    IDLE_CHAT);
            connection.sendLine("MSG bob still there?");
            connection.expectLine("QUIT");
            quitSent.set(System.nanoTime());
            connection.expectClosed(waitingForTheClose, patience);
        });

        ClientUnderTest.Run unanswered = client.start(mute.port(), NICK_ARGUMENT);
        ClientUnderTest.Run chatting = client.start(lingering.port(), NICK_ARGUMENT);
        chatting.awaitStdoutLine(Text.of("the client printing a message that comes after 11 s of quiet",
                        "que el cliente imprima un mensaje que llega tras 11 s de calma"), "[bob] still there?", patience)
                .type("/quit\n");

        unanswered.awaitExit(Text.of("the client whose NICK is never answered", "el cliente cuyo NICK nunca recibe respuesta"),
                        patience)
                .expectServedBy(mute).expectExitCode(2).expectOneErrorLine()
                .expectGaveUpNoSoonerThan(NO_SOONER, nickSent.get(), Text.of("its NICK", "su NICK"));
        chatting.awaitExit(Text.of("the client after a QUIT the server never closes",
                        "el cliente tras un QUIT que el servidor nunca cierra"), patience)
                .expectServedBy(lingering).expectExitCode(2).expectOneErrorLine()
                .expectGaveUpNoSoonerThan(NO_SOONER, quitSent.get(), Text.of("its QUIT", "su QUIT"));
    }
}
