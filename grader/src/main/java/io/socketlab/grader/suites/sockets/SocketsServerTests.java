package io.socketlab.grader.suites.sockets;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.FailureKind;
import io.socketlab.grader.model.Level;
import io.socketlab.grader.model.Program;
import io.socketlab.grader.model.Text;
import io.socketlab.grader.probe.Bytes;
import io.socketlab.grader.probe.TcpProbe;
import io.socketlab.grader.suite.Baseline;
import io.socketlab.grader.suite.ExerciseTests;
import io.socketlab.grader.suite.Requirement;
import io.socketlab.grader.suite.ServerUnderTest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** The sockets server: greeting, byte counts, framing, the line limit, BYE, and surviving hostile clients. */
@ExerciseTests(exercise = "sockets", program = Program.SERVER)
class SocketsServerTests {

    private static final Pattern HELLO = Pattern.compile("HELLO .+");
    private static final Text GREETING = Text.of("reading the greeting", "leyendo el saludo");
    private static final int LIMIT = 8192;

    /** Connects and consumes the greeting, which every conversation starts with. */
    private static TcpProbe greeted(ServerUnderTest server) throws Exception {
        TcpProbe probe = server.connect();
        probe.expectLineMatching(GREETING, HELLO, "\"HELLO <server-name>\"");
        return probe;
    }

    private static void expectCount(TcpProbe probe, String line, int bytes) throws Exception {
        Text step = line.length() <= 40
                ? Text.of("reply to " + Bytes.quote(line + "\n"), "respuesta a " + Bytes.quote(line + "\n"))
                : Text.of("reply to a line of " + bytes + " bytes", "respuesta a una línea de " + bytes + " bytes");
        probe.expectLine(step, "RECEIVED " + bytes);
    }

    @Baseline
    @Requirement(clause = "SOCK-1", points = 2,
            title = "greets with HELLO <name> and answers a first line",
            titleEs = "saluda con HELLO <nombre> y responde a una primera línea",
            hint = "send \"HELLO <name>\\n\" as soon as a client connects, then answer each line; flush after each write",
            hintEs = "envía \"HELLO <nombre>\\n\" en cuanto se conecte un cliente y luego responde a cada línea; haz flush tras cada escritura")
    void greetsAndAnswersAFirstLine(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.sendLine("hello");
            expectCount(probe, "hello", 5);
        }
    }

    @Requirement(clause = "SOCK-2", points = 1,
            title = "answers RECEIVED <n> for ASCII lines, RECEIVED 0 for an empty one",
            titleEs = "responde RECEIVED <n> a líneas ASCII y RECEIVED 0 a una vacía",
            hint = "n is the length of the line without its \\n; an empty line is still a line",
            hintEs = "n es la longitud de la línea sin su \\n; una línea vacía también es una línea")
    void countsAsciiAndEmptyLines(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            for (String line : new String[] {"a", "", "hello world", "   "}) {
                probe.sendLine(line);
                expectCount(probe, line, line.length());
            }
        }
    }

    @Requirement(clause = "SOCK-2", points = 2,
            title = "counts UTF-8 bytes, not characters",
            titleEs = "cuenta bytes UTF-8, no caracteres",
            hint = "count the bytes you received, before decoding: 'é' is 2 bytes, '日' 3, '😀' 4",
            hintEs = "cuenta los bytes recibidos, antes de decodificar: 'é' ocupa 2 bytes, '日' 3, '😀' 4")
    void countsUtf8BytesNotCharacters(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            for (String line : new String[] {"héllo", "日本語", "😀 ok", "ñandú über"}) {
                probe.sendLine(line);
                expectCount(probe, line, Bytes.utf8(line).length);
            }
        }
    }

    @Requirement(clause = "SOCK-3", points = 1,
            title = "answers a line that arrives one byte per TCP segment",
            titleEs = "responde a una línea que llega a un byte por segmento TCP",
            hint = "one recv() is not one line: keep reading into a buffer until you see \\n",
            hintEs = "un recv() no es una línea: sigue leyendo en un búfer hasta ver \\n")
    void answersALineSplitIntoOneByteSegments(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.sendSliced(Bytes.utf8("split into bytes\n"), 1, Duration.ofMillis(15));
            expectCount(probe, "split into bytes", 16);
            String longLine = "y".repeat(3000);
            probe.sendSliced(Bytes.utf8(longLine + "\n"), 700, Duration.ofMillis(30));
            expectCount(probe, longLine, 3000);
        }
    }

    @Requirement(clause = "SOCK-3", points = 1,
            title = "answers several lines sent in one segment, in order",
            titleEs = "responde en orden a varias líneas enviadas en un solo segmento",
            hint = "one recv() may hold several lines: answer every complete line in the buffer, keep the rest",
            hintEs = "un recv() puede traer varias líneas: responde a cada línea completa del búfer y guarda el resto")
    void answersCoalescedLinesInOrder(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.send("one\ntwo\nthree\n\nfour, five\n");
            for (String line : new String[] {"one", "two", "three", "", "four, five"}) {
                expectCount(probe, line, line.length());
            }
        }
    }

    @Requirement(clause = "SOCK-3", points = 1,
            title = "accepts CRLF and does not count the CR",
            titleEs = "acepta CRLF y no cuenta el CR",
            hint = "strip one trailing \\r before counting",
            hintEs = "quita un \\r final antes de contar")
    void stripsTheCrOfCrlf(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.send("abc\r\n");
            expectCount(probe, "abc", 3);
            probe.send("\r\n");
            expectCount(probe, "", 0);
        }
    }

    @Requirement(clause = "SOCK-4", points = 1,
            title = "answers a line of exactly 8192 bytes",
            titleEs = "responde a una línea de exactamente 8192 bytes",
            hint = "lines up to 8192 bytes (without \\n) are valid: a 1024-byte buffer is not a line limit",
            hintEs = "las líneas de hasta 8192 bytes (sin \\n) son válidas: un búfer de 1024 bytes no es un límite de línea")
    void answersALineOf8192Bytes(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            String line = "é".repeat(LIMIT / 2);
            probe.sendLine(line);
            expectCount(probe, line, LIMIT);
        }
    }

    @Requirement(clause = "SOCK-4", points = 1,
            title = "refuses an 8193-byte line with ERR line-too-long and closes",
            titleEs = "rechaza una línea de 8193 bytes con ERR line-too-long y cierra",
            hint = "stop reading once a line passes 8192 bytes without \\n: reply \"ERR line-too-long\" and close",
            hintEs = "deja de leer cuando una línea pase de 8192 bytes sin \\n: responde \"ERR line-too-long\" y cierra")
    void refusesALineOf8193Bytes(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.sendLine("x".repeat(LIMIT + 1));
            Text step = Text.of("reply to an 8193-byte line", "respuesta a una línea de 8193 bytes");
            probe.expectLine(step, "ERR line-too-long");
            probe.expectClosed(Text.of("after ERR line-too-long", "tras ERR line-too-long"), probe.replyTimeout());
        }
    }

    @Requirement(clause = "SOCK-5", points = 2,
            title = "answers BYE with BYE and closes the connection",
            titleEs = "responde BYE a BYE y cierra la conexión",
            hint = "on the line BYE: send \"BYE\\n\", flush, then close the client's socket",
            hintEs = "ante la línea BYE: envía \"BYE\\n\", haz flush y cierra el socket del cliente")
    void answersByeAndCloses(ServerUnderTest server) throws Exception {
        try (TcpProbe probe = greeted(server)) {
            probe.sendLine("before");
            expectCount(probe, "before", 6);
            probe.sendLine("BYE");
            probe.expectLine(Text.of("reply to BYE", "respuesta a BYE"), "BYE");
            probe.expectClosed(Text.of("after BYE", "tras BYE"), probe.replyTimeout());
        }
    }

    @Requirement(clause = "SOCK-6", points = 1,
            title = "survives a line that is not valid UTF-8",
            titleEs = "sobrevive a una línea que no es UTF-8 válido",
            hint = "count bytes without decoding, or catch the decoding error for that connection only",
            hintEs = "cuenta bytes sin decodificar, o captura el error de decodificación solo en esa conexión")
    void survivesInvalidUtf8(ServerUnderTest server) throws Exception {
        Text step = Text.of("reply to the bytes ff fe 41 c3", "respuesta a los bytes ff fe 41 c3");
        try (TcpProbe probe = greeted(server)) {
            probe.send(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41, (byte) 0xc3, '\n'});
            String reply;
            try {
                reply = probe.readLine(step);
            } catch (ConformanceFailure failure) {
                if (failure.kind() != FailureKind.CLOSED_UNEXPECTEDLY) {
                    throw failure;
                }
                reply = null; // closing the connection is an allowed answer
            }
            if (reply != null && !reply.equals("RECEIVED 4") && !reply.startsWith("ERR ")) {
                throw ConformanceFailure.wrongOutput(step, "\"RECEIVED 4\", \"ERR <code>\" or a close", Bytes.quote(reply));
            }
        }
        server.expectAlive(step);
        try (TcpProbe next = greeted(server)) {
            next.sendLine("still there?");
            expectCount(next, "still there?", 12);
        }
    }

    @Requirement(clause = "SOCK-6", points = 1,
            title = "survives clients that reset, stay silent, or leave mid-line",
            titleEs = "sobrevive a clientes que cortan, no envían nada o se van a mitad de línea",
            hint = "catch I/O errors per connection and go back to accept(); never let one client end the server",
            hintEs = "captura los errores de E/S de cada conexión y vuelve a accept(); un cliente nunca debe terminar el servidor")
    void survivesAbruptAndSilentClients(ServerUnderTest server) throws Exception {
        greeted(server).reset();
        server.connect().close();
        TcpProbe halfLine = greeted(server);
        halfLine.send("half a li");
        halfLine.reset();
        server.expectAlive(Text.of("after three abrupt clients", "tras tres clientes abruptos"));
        try (TcpProbe next = greeted(server)) {
            next.sendLine("fine");
            expectCount(next, "fine", 4);
        }
    }

    @Requirement(clause = "SOCK-7", points = 2,
            title = "serves 20 clients one after another",
            titleEs = "atiende a 20 clientes uno tras otro",
            hint = "after a client leaves, loop back to accept() for the next one",
            hintEs = "cuando un cliente se va, vuelve a accept() para el siguiente")
    void serves20ClientsInARow(ServerUnderTest server) throws Exception {
        for (int i = 1; i <= 20; i++) {
            try (TcpProbe probe = greeted(server)) {
                String line = "client " + i;
                probe.sendLine(line);
                expectCount(probe, line, line.length());
                probe.sendLine("BYE");
                probe.expectLine(Text.of("reply to BYE of client " + i, "respuesta a BYE del cliente " + i), "BYE");
                probe.expectClosed(Text.of("after BYE", "tras BYE"), probe.replyTimeout());
            }
        }
    }

    @Requirement(clause = "SOCK-8", points = 1, level = Level.SHOULD,
            title = "exits 2 with one line on stderr when its port is taken",
            titleEs = "termina con 2 y una línea en stderr si su puerto está ocupado",
            hint = "if the port is taken, say so in one line on stderr and exit 2 (catch the bind error instead of letting it crash)",
            hintEs = "si el puerto está ocupado, dilo en una línea en stderr y termina con 2 (captura el error de bind en vez de dejar que falle)")
    void exitsTwoWhenItCannotListen(ServerUnderTest server) throws Exception {
        server.expectStartRefusedOnBusyPort(List.of());
    }

    @Requirement(clause = "SOCK-8", points = 1, level = Level.SHOULD,
            title = "exits with code 0 on SIGTERM",
            titleEs = "termina con código 0 al recibir SIGTERM",
            hint = "handle SIGTERM (a shutdown hook in Java, signal.signal in Python) and exit with status 0",
            hintEs = "gestiona SIGTERM (un shutdown hook en Java, signal.signal en Python) y termina con estado 0")
    void exitsZeroOnSigterm(ServerUnderTest server) throws Exception {
        greeted(server).close();
        server.expectCleanTermination();
    }
}
