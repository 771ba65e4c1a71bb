package io.socketlab.grader.suites.chat;

import io.socketlab.grader.conformance.Baseline;
import io.socketlab.grader.conformance.Concurrently;
import io.socketlab.grader.conformance.ExerciseSuite;
import io.socketlab.grader.conformance.Requirement;
import io.socketlab.grader.conformance.RunsAlone;
import io.socketlab.grader.conformance.ServerUnderTest;
import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.Facts;
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
        for (String nick : List.of("", "two words", " ana", "ana ", "ana!", "abcdefghijklmnopq", "ñandú", "a.b", "semi;colon")) {
            client.send("NICK " + nick).reply("ERR nick-invalid");
        }
        client.send("NICK abcdefghijklmnop").reply("OK abcdefghijklmnop");
    }

    @Requirement(clause = "CHAT-1", points = 1)
    void refusesTakenNicks(ServerUnderTest server) throws Exception {
        // Ten clients ask for one nick at the same moment: checking and taking it must be one step.
        List<Chatter> twins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            twins.add(Chatter.anonymous(server));
        }
        for (Chatter twin : twins) {
            twin.send("NICK Twin");
        }
        Text replies = step("the replies to ten NICK Twin sent at once", "las respuestas a diez NICK Twin enviados a la vez");
        List<String> got = new ArrayList<>();
        for (Chatter twin : twins) {
            got.add(twin.probe.readLine(replies));
        }
        if (got.stream().filter(r -> r.equals("OK Twin")).count() != 1
                || got.stream().filter(r -> r.equals("ERR nick-taken")).count() != twins.size() - 1) {
            throw ConformanceFailure.wrongOutput(replies, Text.of("one OK Twin and nine ERR nick-taken",
                    "un OK Twin y nueve ERR nick-taken"), Text.same(ChatFake.render(got)));
        }
        Chatter.join(server, "Ana_1");
        Chatter.anonymous(server).send("NICK Ana_1").reply("ERR nick-taken").send("NICK ana_1").reply("OK ana_1");
    }

    @Requirement(clause = "CHAT-2", points = 1)
    void requiresANickFirst(ServerUnderTest server) throws Exception {
        Chatter client = Chatter.anonymous(server);
        for (String line : List.of("MSG hello", "WHO", "PRIV bob hi", "HELLO", "")) {
            client.send(line).reply("ERR nick-required");
        }
        client.send("QUIT").probe.expectClosed();
    }

    @Requirement(clause = "CHAT-2", points = 1)
    void refusesASecondNick(ServerUnderTest server) throws Exception {
        Chatter client = Chatter.join(server, "first");
        for (String nick : List.of("second", "first", "not valid")) {
            client.send("NICK " + nick).reply("ERR already-registered");
        }
        // The nick is kept.
        client.send("WHO").reply("USERS first");
    }

    @Requirement(clause = "CHAT-3", points = 2)
    void announcesJoins(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        alice.expect(step("alice after bob registered", "alice tras registrarse bob"), "JOIN bob");
        Chatter stranger = Chatter.anonymous(server).send("MSG not registered, nobody hears this").reply("ERR nick-required");
        Chatter carol = Chatter.anonymous(server).send("NICK carol");
        alice.expect(step("alice after carol registered", "alice tras registrarse carol"), "JOIN carol");
        // Told of carol, alice can reach her at once: the JOIN goes out once carol is in the registry.
        alice.send("PRIV carol welcome");
        carol.reply("OK carol");
        carol.expect(step("carol's first line after her OK (alice wrote to her on hearing JOIN carol)",
                "la primera línea de carol tras su OK (alice le escribió al recibir JOIN carol)"), "PRIV alice welcome");
        bob.expect(step("bob after carol registered", "bob tras registrarse carol"), "JOIN carol");
        // Nothing else for alice (no ERR no-such-nick), for carol (not her own JOIN), for the unregistered connection.
        alice.expectNextReplyToWho();
        carol.expectNextReplyToWho();
        stranger.send("WHO").reply("ERR nick-required");
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
                if (parts.length != 3 || !parts[0].equals("MSG") || !parts[2].matches("tag-\\d+-\\d+")) {
                    throw ConformanceFailure.wrongOutput(step, Text.of("MSG c<j> tag-<j>-<k>", "MSG c<j> tag-<j>-<k>"),
                            Facts.quoted(line));
                }
                String[] tag = parts[2].split("-");
                int from = Integer.parseInt(tag[1]);
                int k = Integer.parseInt(tag[2]);
                if (from == i || !parts[1].equals("c" + from)) {
                    throw ConformanceFailure.wrongOutput(step, Text.of("messages of the 49 others, each from its own nick",
                                    "mensajes de los otros 49, cada uno con su propio nick"),
                            Facts.quoted(line).plus(from == i ? Text.of(" (its own message)", " (su propio mensaje)") : Text.EMPTY));
                }
                int expected = nextFrom.getOrDefault(from, 0);
                if (k != expected) {
                    throw ConformanceFailure.wrongOutput(step, Text.format("tag-%d-%d (each sender's messages once, in order)",
                            "tag-%d-%d (los mensajes de cada emisor una vez, en orden)", from, expected), Facts.quoted(line));
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
        for (String text : List.of(" two  spaces ", "   ", "tab\there", "héllo 😀 日本")) {
            bob.send("MSG " + text);
            alice.expect(step("alice after MSG " + Bytes.quote(text), "alice tras MSG " + Bytes.quote(text)), "MSG bob " + text);
        }
        bob.send("MSG ");
        Text empty = step("alice after an empty MSG", "alice tras un MSG vacío");
        String line = alice.probe.readLine(empty);
        if (!line.equals("MSG bob ") && !line.equals("MSG bob")) {
            throw ConformanceFailure.wrongOutput(empty, Facts.quoted("MSG bob "), Facts.quoted(line));
        }
    }

    @Requirement(clause = "CHAT-5", points = 2)
    void deliversPrivateMessages(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        Chatter carol = Chatter.join(server, "carol");
        alice.send("PRIV bob only  for you ");
        bob.expectSkipping(step("bob after alice's PRIV", "bob tras el PRIV de alice"), "PRIV alice only  for you ", Chatter.NOTICE);
        carol.expectNothingPending(step("carol, who was not addressed", "carol, a quien no iba dirigido"));
        alice.send("PRIV alice note to self");
        alice.expectSkipping(step("alice after a PRIV to herself", "alice tras un PRIV a sí misma"), "PRIV alice note to self",
                Chatter.NOTICE);
        for (String line : List.of("PRIV nobody hello?", "PRIV Bob wrong case", "PRIV")) {
            alice.send(line).reply("ERR no-such-nick");
        }
        bob.expectNextReplyToWho();
    }

    @Requirement(clause = "CHAT-6", points = 2)
    void answersWhoSorted(ServerUnderTest server) throws Exception {
        Chatter last = null;
        for (String nick : List.of("zed", "Bob", "alice", "_x", "-y", "9z")) {
            last = Chatter.join(server, nick);
        }
        last.send("WHO").reply("USERS -y 9z Bob _x alice zed");
    }

    @Requirement(clause = "CHAT-7", points = 1)
    void leavesOnQuit(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        bob.send("QUIT").probe.expectClosed();
        alice.expect(step("alice after bob joined", "alice tras entrar bob"), "JOIN bob");
        alice.expect(step("alice after bob's QUIT", "alice tras el QUIT de bob"), "LEAVE bob");
        alice.expectNextReplyToWho(); // LEAVE once only
        Chatter.join(server, "bob");
        alice.expect(step("alice after a new bob registered: the nick was free again", "alice tras registrarse otro bob: el nick quedó libre"),
                "JOIN bob");
    }

    @Requirement(clause = "CHAT-7", points = 1)
    void leavesOnAbruptDisconnect(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        Chatter carol = Chatter.join(server, "carol");
        Chatter dave = Chatter.join(server, "dave");
        for (String nick : List.of("bob", "carol", "dave")) {
            alice.expect(step("alice after " + nick + " joined", "alice tras entrar " + nick), "JOIN " + nick);
        }
        carol.expect(step("carol after dave joined", "carol tras entrar dave"), "JOIN dave");
        bob.probe.reset();
        // A message right after the reset: a failed write to bob must not keep it from the clients after him.
        dave.send("MSG right after");
        carol.expectSkipping(step("carol after dave's MSG, bob's connection just reset", "carol tras el MSG de dave, recién reiniciada la conexión de bob"),
                "MSG dave right after", Chatter.NOTICE);
        alice.expectEach(step("alice after bob's reset and dave's MSG", "alice tras el reset de bob y el MSG de dave"),
                List.of("LEAVE bob", "MSG dave right after"));
        carol.probe.close();
        alice.expect(step("alice after carol closed without QUIT", "alice tras cerrar carol sin QUIT"), "LEAVE carol");
        alice.expectNextReplyToWho(); // each LEAVE once only
    }

    // A server may drop a client whose writer made no progress for 1 s (CHAT-9): other tests' load could starve the
    // server's writer or this reader that long, and make a correct server look like it dropped a reading client.
    @RunsAlone
    @Requirement(clause = "CHAT-7", points = 1)
    void drainsBeforeClosing(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        Chatter bob = Chatter.join(server, "bob");
        // 8 MB for bob, who reads steadily but slower than alice sends, with fixed buffers (no autotuning): more than
        // the kernel holds is still in the server's queue for him when he quits. Then he reads the rest at once.
        bob.probe.fixedReceiveBuffer(64 * 1024);
        String text = "q".repeat(4000);
        int messages = 2000;
        StringBuilder burst = new StringBuilder();
        for (int k = 0; k < messages; k++) {
            burst.append("MSG queued ").append(k).append(' ').append(text).append('\n');
        }
        SlowReading reading = new SlowReading(2);
        Text bobReads = step("bob reading what was queued for him, his QUIT sent meanwhile", "bob leyendo lo que se le "
                + "encoló, enviado su QUIT entretanto");
        CompletableFuture<Void> receiving = Concurrently.start(() -> {
            for (int k = 0; k < messages; k++) {
                bob.expect(bobReads, "MSG alice queued " + k + " " + text);
                reading.read();
            }
            bob.probe.expectClosed(step("bob after the queued messages", "bob tras los mensajes encolados"), bob.replyTimeout());
        });
        alice.probe.send(burst.toString());
        // WHO is answered after the MSGs were handled, so they are all queued for bob by then.
        alice.expectNothingPending(step("alice after sending " + messages + " messages", "alice tras enviar " + messages + " mensajes"));
        bob.send("QUIT");
        reading.hurry();
        reading.await(receiving, server.timeouts().seconds(30), bobReads, Text.format("%d messages, then the close",
                "%d mensajes, y después el cierre", messages));
    }

    @Requirement(clause = "CHAT-8", points = 1)
    void answersUnknownCommands(ServerUnderTest server) throws Exception {
        Chatter alice = Chatter.join(server, "alice");
        for (String line : List.of("HELLO", "DANCE now please", "msg lower case", "")) {
            alice.send(line).reply("ERR unknown-command");
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
        // The limit counts bytes: 2046 two-byte characters fill 4096 bytes; one byte more is too long.
        String accents = "é".repeat(2046);
        bob.send("MSG " + accents);
        alice.expect(step("alice after a 4096-byte MSG line of 2050 characters", "alice tras una línea MSG de 4096 bytes y 2050 caracteres"),
                "MSG bob " + accents);
        bob.send("MSG " + accents + "y").reply("ERR line-too-long").probe.expectClosed();
    }

    // Times one message to 1 s right after 8 MiB: other tests' load could be what delays it.
    @RunsAlone
    @Requirement(clause = "CHAT-9", points = 2)
    void slowConsumerDoesNotDelayOthers(ServerUnderTest server) throws Exception {
        Chatter.join(server, "sleeper").probe.fixedReceiveBuffer(4096);
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
                Text.format("%d messages delivered", "%d mensajes entregados", messages));
        // One message must then reach the listener within a second. The best of three tries counts: a busy machine
        // may delay one, while a server that waits on the sleeper delays them all.
        Duration limit = server.timeouts().seconds(1);
        long bestMillis = Long.MAX_VALUE;
        for (int attempt = 1; attempt <= 3 && bestMillis > limit.toMillis(); attempt++) {
            long start = System.nanoTime();
            talker.send("MSG ping " + attempt);
            listener.expectSkipping(step("listener after the 8 MiB", "listener tras los 8 MiB"), "MSG talker ping " + attempt,
                    Chatter.NOTICE);
            bestMillis = Math.min(bestMillis, (System.nanoTime() - start) / 1_000_000);
        }
        if (bestMillis > limit.toMillis()) {
            throw ConformanceFailure.wrongOutput(step("latency of one message after the 8 MiB", "latencia de un mensaje tras los 8 MiB"),
                    Text.of("delivery within 1 s", "entrega en menos de 1 s"), Text.format("at best %d ms in three tries",
                            "en el mejor caso %d ms en tres intentos", bestMillis));
        }
    }

    @Requirement(clause = "CHAT-9", points = 1)
    void keepsASlowReader(ServerUnderTest server) throws Exception {
        Chatter talker = Chatter.join(server, "talker");
        Chatter reader = Chatter.join(server, "reader");
        // The reader reads steadily but slower than the talker sends 8 MB, with fixed buffers (no autotuning): its
        // backlog in the server passes 1 MiB while its writer keeps making progress. Once the server has taken in the
        // whole burst, it reads the rest at once.
        reader.probe.fixedReceiveBuffer(64 * 1024);
        String payload = "r".repeat(4000);
        int messages = 2000;
        StringBuilder burst = new StringBuilder();
        for (int k = 0; k < messages; k++) {
            burst.append("MSG ").append(k).append(' ').append(payload).append('\n');
        }
        SlowReading reading = new SlowReading(2);
        Text step = step("a reader slower than the talker (10 ms every 8 KB) while 8 MB are sent to it",
                "un lector más lento que el talker (10 ms cada 8 KB) mientras se le envían 8 MB");
        CompletableFuture<Void> receiving = Concurrently.start(() -> {
            for (int k = 0; k < messages; k++) {
                reader.expectSkipping(step, "MSG talker " + k + " " + payload, Chatter.NOTICE);
                reading.read();
            }
        });
        talker.probe.send(burst.toString());
        talker.expectNothingPending(step("the talker after its 8 MB", "el talker tras sus 8 MB"));
        reading.hurry();
        reading.await(receiving, server.timeouts().seconds(30), step, Text.format("%d messages", "%d mensajes", messages));
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
