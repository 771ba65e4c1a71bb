package io.socketlab.grader.suites.chat;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.Concurrently;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.RunsAlone;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The chat server: registration, fan-out, private messages, WHO, leaving, framing, and slow consumers. */
@ExerciseSuite(exercise = "chat", program = Program.SERVER, freshServerPerTest = true)
class ChatServerSuite {

    private static Text step(String en, String es) {
        return Text.of(en, es);
    }

    @Baseline
    @Requirement(clause = "CHAT-1", points = 1)
    void relaysAMessage(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        bob.send("MSG hello there");
        alice.expectSkipping(step("alice after bob's MSG", "alice tras el MSG de bob"), "MSG bob hello there", Chatter.NOTICE);
    }

    @Requirement(clause = "CHAT-1", points = 1)
    void refusesInvalidNicks(ServerUnderTest server) throws Exception {
        Chatter client = Chatter.anonymous(server);
        for (String nick : List.of("", "two words", "abcdefghijklmnopq", "ñandú", "a.b", "semi;colon")) {
            client.send("NICK " + nick);
            client.expect(step("reply to NICK " + Bytes.quote(nick), "respuesta a NICK " + Bytes.quote(nick)), "ERR nick-invalid");
        }
        client.send("NICK abcdefghijklmnop");
        client.expect(step("reply to a valid 16-character NICK after refusals", "respuesta a un NICK válido de 16 caracteres tras rechazos"),
                "OK abcdefghijklmnop");
    }

    @Requirement(clause = "CHAT-1", points = 1)
    void refusesTakenNicks(ServerUnderTest server) throws Exception {
        Chatter.join(server, "Ana_1");
        Chatter second = Chatter.anonymous(server);
        second.send("NICK Ana_1");
        second.expect(step("reply to NICK of a nick in use", "respuesta a NICK de un nick en uso"), "ERR nick-taken");
        second.send("NICK ana_1");
        second.expect(step("reply to the same nick in lower case", "respuesta al mismo nick en minúsculas"), "OK ana_1");
    }

    @Requirement(clause = "CHAT-2", points = 1)
    void requiresANickFirst(ServerUnderTest server) throws Exception {
        Chatter client = Chatter.anonymous(server);
        for (String line : List.of("MSG hello", "WHO", "PRIV bob hi")) {
            client.send(line);
            client.expect(step("reply to " + Bytes.quote(line) + " before NICK", "respuesta a " + Bytes.quote(line) + " antes de NICK"),
                    "ERR nick-required");
        }
        client.send("QUIT");
        client.probe.expectClosed(step("after QUIT before NICK", "tras QUIT antes de NICK"), client.replyTimeout());
    }

    @Requirement(clause = "CHAT-2", points = 1)
    void refusesASecondNick(ServerUnderTest server) throws Exception {
        Chatter client = Chatter.join(server, "first");
        client.send("NICK second");
        client.expect(step("reply to a second NICK", "respuesta a un segundo NICK"), "ERR already-registered");
    }

    @Requirement(clause = "CHAT-3", points = 2)
    void announcesJoins(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        alice.expect(step("alice after bob registered", "alice tras registrarse bob"), "JOIN bob");
        Chatter.anonymous(server).send("MSG not registered, nobody hears this");
        Chatter carol = Chatter.join(server, "carol");
        alice.expect(step("alice after carol registered", "alice tras registrarse carol"), "JOIN carol");
        bob.expect(step("bob after carol registered", "bob tras registrarse carol"), "JOIN carol");
        carol.expectNothingPending(step("carol after her own registration", "carol tras su propio registro"));
    }

    @Requirement(clause = "CHAT-4", points = 3)
    void fansOutFiftyClients(ServerUnderTest server) throws Exception {
        int clients = 50;
        int perClient = 10;
        List<Chatter> chatters = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            chatters.add(Chatter.join(server, "c" + i));
        }
        // Every client hears the JOIN of everyone who registered after it; consume them before messaging.
        for (int i = 0; i < clients; i++) {
            for (int j = i + 1; j < clients; j++) {
                chatters.get(i).expect(step("c" + i + " hearing JOIN c" + j, "c" + i + " recibiendo JOIN c" + j), "JOIN c" + j);
            }
        }
        for (int i = 0; i < clients; i++) {
            StringBuilder burst = new StringBuilder();
            for (int k = 0; k < perClient; k++) {
                burst.append("MSG tag-").append(i).append('-').append(k).append('\n');
            }
            chatters.get(i).probe.send(burst.toString());
        }
        for (int i = 0; i < clients; i++) {
            Chatter receiver = chatters.get(i);
            Map<Integer, Integer> nextFrom = new HashMap<>();
            Text step = step("messages received by c" + i, "mensajes recibidos por c" + i);
            for (int n = 0; n < (clients - 1) * perClient; n++) {
                String line = receiver.probe.readLine(step);
                String[] parts = line.split(" ");
                if (parts.length != 3 || !parts[0].equals("MSG") || !parts[2].startsWith("tag-")) {
                    throw ConformanceFailure.wrongOutput(step, "MSG c<j> tag-<j>-<k>", Bytes.quote(line));
                }
                String[] tag = parts[2].split("-");
                int from = Integer.parseInt(tag[1]);
                int k = Integer.parseInt(tag[2]);
                if (from == i || !parts[1].equals("c" + from)) {
                    throw ConformanceFailure.wrongOutput(step, "messages of the 49 others, each from its own nick",
                            Text.of(Bytes.quote(line) + (from == i ? " (its own message)" : ""),
                                    Bytes.quote(line) + (from == i ? " (su propio mensaje)" : "")));
                }
                int expected = nextFrom.getOrDefault(from, 0);
                if (k != expected) {
                    throw ConformanceFailure.wrongOutput(step, "tag-" + from + "-" + expected + " (each sender's messages in order, once)",
                            Bytes.quote(line));
                }
                nextFrom.put(from, k + 1);
            }
            receiver.expectNothingPending(step("c" + i + " after all 490 messages", "c" + i + " tras los 490 mensajes"));
        }
    }

    @Requirement(clause = "CHAT-4", points = 1)
    void forwardsTextsExactly(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        alice.expect(step("alice after bob registered", "alice tras registrarse bob"), "JOIN bob");
        for (String text : List.of(" two  spaces ", "héllo 😀 日本")) {
            bob.send("MSG " + text);
            alice.expect(step("alice after MSG " + Bytes.quote(text), "alice tras MSG " + Bytes.quote(text)), "MSG bob " + text);
        }
        bob.send("MSG ");
        Text empty = step("alice after an empty MSG", "alice tras un MSG vacío");
        String line = alice.probe.readLine(empty);
        if (!line.equals("MSG bob ") && !line.equals("MSG bob")) {
            throw ConformanceFailure.wrongOutput(empty, "\"MSG bob \"", Bytes.quote(line));
        }
    }

    @Requirement(clause = "CHAT-5", points = 2)
    void deliversPrivateMessages(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        Chatter carol = Chatter.join(server, "carol");
        alice.send("PRIV bob only for you");
        bob.expectSkipping(step("bob after alice's PRIV", "bob tras el PRIV de alice"), "PRIV alice only for you", Chatter.NOTICE);
        carol.expectNothingPending(step("carol, who was not addressed", "carol, a quien no iba dirigido"));
        alice.send("PRIV nobody hello?");
        alice.expectSkipping(step("reply to PRIV of an unknown nick", "respuesta a PRIV a un nick desconocido"),
                "ERR no-such-nick", Chatter.NOTICE);
    }

    @Requirement(clause = "CHAT-6", points = 2)
    void answersWhoSorted(ServerUnderTest server) throws Exception {
        Chatter last = null;
        for (String nick : List.of("zed", "Bob", "alice", "_x", "-y", "9z")) {
            last = Chatter.join(server, nick);
        }
        last.send("WHO");
        last.expect(step("reply to WHO", "respuesta a WHO"), "USERS -y 9z Bob _x alice zed");
    }

    @Requirement(clause = "CHAT-7", points = 1)
    void leavesOnQuit(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        bob.send("QUIT");
        bob.probe.expectClosed(step("bob after QUIT", "bob tras QUIT"), bob.replyTimeout());
        alice.expect(step("alice after bob joined", "alice tras entrar bob"), "JOIN bob");
        alice.expect(step("alice after bob's QUIT", "alice tras el QUIT de bob"), "LEAVE bob");
    }

    @Requirement(clause = "CHAT-7", points = 1)
    void leavesOnAbruptDisconnect(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        Chatter carol = Chatter.join(server, "carol");
        alice.expect(step("alice after bob joined", "alice tras entrar bob"), "JOIN bob");
        alice.expect(step("alice after carol joined", "alice tras entrar carol"), "JOIN carol");
        bob.probe.reset();
        alice.expect(step("alice after bob's connection was reset", "alice tras el reset de la conexión de bob"), "LEAVE bob");
        carol.probe.close();
        alice.expect(step("alice after carol closed without QUIT", "alice tras cerrar carol sin QUIT"), "LEAVE carol");
    }

    @Requirement(clause = "CHAT-7", points = 1)
    void drainsBeforeClosing(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        StringBuilder burst = new StringBuilder();
        for (int k = 0; k < 300; k++) {
            burst.append("MSG queued ").append(k).append('\n');
        }
        alice.probe.send(burst.toString());
        // WHO is answered after the 300 MSGs were handled, so they are all queued for bob by then.
        alice.expectNothingPending(step("alice after sending 300 messages", "alice tras enviar 300 mensajes"));
        bob.send("QUIT");
        for (int k = 0; k < 300; k++) {
            bob.expect(step("bob's queued message " + k + " after his QUIT", "mensaje encolado " + k + " de bob tras su QUIT"),
                    "MSG alice queued " + k);
        }
        bob.probe.expectClosed(step("bob after the queued messages", "bob tras los mensajes encolados"), bob.replyTimeout());
    }

    @Requirement(clause = "CHAT-8", points = 1)
    void answersUnknownCommands(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        for (String line : List.of("HELLO", "DANCE now please")) {
            alice.send(line);
            alice.expect(step("reply to " + Bytes.quote(line), "respuesta a " + Bytes.quote(line)), "ERR unknown-command");
        }
        alice.expectNothingPending(step("alice after unknown commands", "alice tras comandos desconocidos"));
    }

    @Requirement(clause = "CHAT-8", points = 1)
    void enforcesTheLineLimit(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        alice.expect(step("alice after bob joined", "alice tras entrar bob"), "JOIN bob");
        String longest = "x".repeat(4096 - 4);
        bob.send("MSG " + longest);
        alice.expect(step("alice after a 4096-byte MSG line", "alice tras una línea MSG de 4096 bytes"), "MSG bob " + longest);
        bob.send("MSG " + longest + "y");
        bob.expect(step("reply to a 4097-byte line", "respuesta a una línea de 4097 bytes"), "ERR line-too-long");
        bob.probe.expectClosed(step("after ERR line-too-long", "tras ERR line-too-long"), bob.replyTimeout());
    }

    @Requirement(clause = "CHAT-8", points = 1)
    void handlesFramingAndBadEncoding(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        alice.expect(step("alice after bob joined", "alice tras entrar bob"), "JOIN bob");
        bob.probe.send("MSG with crlf\r\n");
        alice.expect(step("alice after a CRLF line", "alice tras una línea con CRLF"), "MSG bob with crlf");
        bob.probe.sendSliced(Bytes.utf8("MSG sliced\n"), 1, Duration.ofMillis(10));
        alice.expect(step("alice after a line sent byte by byte", "alice tras una línea enviada byte a byte"), "MSG bob sliced");
        bob.probe.send("MSG one\nMSG two\n");
        alice.expect(step("alice after two coalesced lines", "alice tras dos líneas agrupadas"), "MSG bob one");
        alice.expect(step("alice after two coalesced lines", "alice tras dos líneas agrupadas"), "MSG bob two");
        Chatter mallory = Chatter.join(server, "mallory");
        mallory.probe.send(new byte[] {'M', 'S', 'G', ' ', (byte) 0xff, (byte) 0xfe, 'x', '\n'});
        try {
            mallory.expectNothingPending(step("mallory after sending invalid UTF-8", "mallory tras enviar UTF-8 inválido"));
        } catch (ConformanceFailure failure) {
            if (failure.kind() == FailureKind.TIMEOUT) {
                throw failure;
            }
            // An ERR <code> line, or a close, is an allowed answer to invalid UTF-8.
        }
        server.expectAlive(step("after invalid UTF-8", "tras UTF-8 inválido"));
        bob.send("MSG still here");
        alice.expectSkipping(step("alice after invalid UTF-8 from another client", "alice tras UTF-8 inválido de otro cliente"),
                "MSG bob still here", line -> Chatter.NOTICE.test(line) || line.startsWith("MSG mallory "));
    }

    // Times one message to 1 s right after 8 MiB: other tests' load could be what delays it.
    @RunsAlone
    @Requirement(clause = "CHAT-9", points = 2)
    void slowConsumerDoesNotDelayOthers(ServerUnderTest server) throws Exception {
        Chatter.join(server, "sleeper").probe.socket().setReceiveBufferSize(4096);
        Chatter talker = Chatter.join(server, "talker");
        Chatter listener = Chatter.join(server, "listener");
        String payload = "p".repeat(4000);
        int messages = 2200;
        Text receiving = step("listener receiving 8 MiB while sleeper reads nothing",
                "listener recibiendo 8 MiB mientras sleeper no lee nada");
        CompletableFuture<Void> reading = Concurrently.start(() -> {
            for (int k = 0; k < messages; k++) {
                listener.expectSkipping(receiving, "MSG talker " + k + " " + payload, Chatter.NOTICE);
            }
        });
        // Sending in the background too: against a server that blocks, the talker's writes would block forever.
        CompletableFuture<Void> talking = Concurrently.start(() -> {
            for (int k = 0; k < messages; k++) {
                talker.send("MSG " + k + " " + payload);
            }
        });
        Concurrently.awaitAll(List.of(reading, talking), server.timeouts().seconds(30), receiving,
                messages + " messages delivered");
        long start = System.nanoTime();
        talker.send("MSG ping");
        listener.expectSkipping(step("listener after the 8 MiB", "listener tras los 8 MiB"), "MSG talker ping", Chatter.NOTICE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > server.timeouts().seconds(1).toMillis()) {
            throw ConformanceFailure.wrongOutput(step("latency of one message after the 8 MiB", "latencia de un mensaje tras los 8 MiB"),
                    "delivery within 1 s", Text.of(millis + " ms", millis + " ms"));
        }
    }

    @Requirement(clause = "CHAT-9", points = 1)
    void keepsASlowReader(ServerUnderTest server) throws Exception {
        Chatter talker = Chatter.join(server, "talker");
        Chatter reader = Chatter.join(server, "reader");
        String payload = "r".repeat(4000);
        int messages = 600;
        StringBuilder burst = new StringBuilder();
        for (int k = 0; k < messages; k++) {
            burst.append("MSG ").append(k).append(' ').append(payload).append('\n');
        }
        CompletableFuture<Void> sending = Concurrently.start(() -> {
            talker.probe.send(burst.toString());
        });
        Text step = step("a reader taking about 2 s to read 2.4 MB", "un lector que tarda unos 2 s en leer 2,4 MB");
        for (int k = 0; k < messages; k++) {
            reader.expectSkipping(step, "MSG talker " + k + " " + payload, Chatter.NOTICE);
            if (k % 10 == 0) {
                Thread.sleep(30); // deliberate: this reader is slow but never stops
            }
        }
        Concurrently.awaitAll(List.of(sending), server.timeouts().seconds(30), step, "the talker's burst sent");
        reader.expectNothingPending(step("the slow reader at the end", "el lector lento al final"));
    }

    @Requirement(clause = "CHAT-10", points = 1, level = Level.SHOULD)
    void refusesBadOptionsAndABusyPort(ServerUnderTest server) throws Exception {
        server.expectStartRefused(List.of("--colour", "red"), "--colour red");
        server.expectStartRefusedOnBusyPort(List.of());
    }

    @Requirement(clause = "CHAT-10", points = 1, level = Level.SHOULD)
    void exitsZeroOnSigterm(ServerUnderTest server) throws Exception {
        Chatter.join(server, "alice");
        Chatter.join(server, "bob");
        server.expectCleanTermination();
    }

}
