package io.socketlab.grader.variants.quiz;

import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Correct quiz client (the main thread prints server lines verbatim as they arrive; an answering
 * thread reads one stdin line per QUESTION); each broken variant overrides exactly one hook below.
 */
abstract class QuizClientBase {

    private static final long MAX_SERVER_LINE = 1 << 20;

    Socket socket;
    InputStream in;
    OutputStream out;
    /** One permit per QUESTION received and not yet answered. */
    final Semaphore questions = new Semaphore(0);
    /** QUIZ-13: a reply to an ANSWER, and the close after GAMEOVER, are owed within 10 s. */
    final VariantSupport.Patience patience = new VariantSupport.Patience("no answer from the server within 10 s");

    final void run(String[] argv) {
        Args args = VariantSupport.parse(argv, Set.of("--host", "--port", "--team"), Set.of());
        if (!args.positional().isEmpty()) {
            VariantSupport.die(2, "usage error: unexpected argument " + args.positional().get(0));
        }
        String host = args.get("--host", "127.0.0.1");
        int port = args.port();
        String team = args.get("--team", null);
        if (team == null) {
            VariantSupport.die(2, "usage error: --team is required");
        }
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 10_000);
        } catch (ConnectException e) {
            VariantSupport.die(2, "connection refused by " + host + ":" + port);
        } catch (IOException e) {
            VariantSupport.die(2, "cannot connect to " + host + ":" + port + ": " + e.getMessage());
        }
        boolean gameOver = false;
        try {
            socket.setSoTimeout(10_000); // the reply to JOIN is owed
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            send("JOIN " + team);
            startAnswering();
            String reply = printNext();
            if (reply == null) {
                VariantSupport.die(2, "the server closed the connection before answering JOIN");
            }
            if (reply.startsWith("ERR")) {
                onJoinRefused(reply);
            }
            socket.setSoTimeout(0); // waiting for players or answers may take long
            String line;
            while ((line = printNext()) != null) {
                if (gameOver) {
                    continue; // only the close is owed now, whatever else arrives
                }
                patience.answered(); // any line answers an ANSWER
                if (line.startsWith("QUESTION ")) {
                    questions.release();
                } else if (line.startsWith("GAMEOVER")) {
                    gameOver = true;
                    patience.owedFromNow();
                }
            }
        } catch (SocketTimeoutException e) {
            VariantSupport.die(2, "no answer from the server within 10 s");
        } catch (IOException e) {
            VariantSupport.die(2, "connection lost: " + e.getMessage());
        }
        if (!gameOver) {
            VariantSupport.die(2, "the server closed the connection before GAMEOVER");
        }
        System.out.flush();
        System.exit(0);
    }

    /** Hook: how answers are sent. Correct: a thread that, per QUESTION, reads one stdin line and sends it. */
    void startAnswering() {
        Thread answering = new Thread(() -> {
            try {
                InputStream stdin = new BufferedInputStream(System.in);
                while (true) {
                    questions.acquire();
                    byte[] line = VariantSupport.readLine(stdin, Long.MAX_VALUE, true);
                    if (line == null) {
                        return; // stdin EOF: nothing more is sent
                    }
                    send("ANSWER " + new String(VariantSupport.stripCr(line), StandardCharsets.UTF_8));
                }
            } catch (IOException | InterruptedException e) {
                // the reading side decides the exit code
            }
        }, "stdin-answers");
        answering.setDaemon(true);
        answering.start();
    }

    /** Hook: the server refused the JOIN (already printed). Correct: one stderr line, exit 1. */
    void onJoinRefused(String reply) {
        VariantSupport.die(1, "the server refused: " + reply);
    }

    /** Reads, prints verbatim and returns the next server line; null at end of stream. */
    private String printNext() throws IOException {
        byte[] line = VariantSupport.readLine(in, MAX_SERVER_LINE, true);
        if (line == null) {
            return null;
        }
        line = VariantSupport.stripCr(line);
        VariantSupport.printLine(line);
        return new String(line, StandardCharsets.UTF_8);
    }

    final void send(String line) throws IOException {
        synchronized (out) {
            VariantSupport.writeLine(out, line);
        }
        if (line.startsWith("ANSWER ")) {
            patience.owedUnlessAlready();
        }
    }
}
