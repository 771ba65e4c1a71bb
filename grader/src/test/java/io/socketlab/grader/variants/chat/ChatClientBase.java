package io.socketlab.grader.variants.chat;

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

/**
 * Correct chat client (the main thread prints server lines as they arrive, a second thread turns
 * stdin lines into commands); each broken variant overrides exactly one of the hooks below.
 */
abstract class ChatClientBase {

    private static final long MAX_SERVER_LINE = 1 << 20;

    Socket socket;
    InputStream in;
    OutputStream out;
    volatile boolean quitSent;
    volatile boolean closedByUs;

    final void run(String[] argv) {
        Args args = VariantSupport.parse(argv, Set.of("--host", "--port", "--nick"), Set.of());
        if (!args.positional().isEmpty()) {
            VariantSupport.die(2, "usage error: unexpected argument " + args.positional().get(0));
        }
        String host = args.get("--host", "127.0.0.1");
        int port = args.port();
        String nick = args.get("--nick", null);
        if (nick == null) {
            VariantSupport.die(2, "usage error: --nick is required");
        }
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 10_000);
        } catch (ConnectException e) {
            VariantSupport.die(2, "connection refused by " + host + ":" + port);
        } catch (IOException e) {
            VariantSupport.die(2, "cannot connect to " + host + ":" + port + ": " + e.getMessage());
        }
        try {
            socket.setSoTimeout(10_000); // the reply to NICK is owed
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            send("NICK " + nick);
            String reply = readServerLine();
            if (reply == null) {
                VariantSupport.die(2, "the server closed the connection before accepting the nick");
            }
            print(format(reply));
            if (reply.startsWith("ERR")) {
                VariantSupport.die(1, "nick refused: " + reply);
            }
            socket.setSoTimeout(0); // a chat may stay silent for ever
            converse();
        } catch (SocketTimeoutException e) {
            VariantSupport.die(2, "no answer from the server within 10 s");
        } catch (IOException e) {
            ended(e);
        }
    }

    /** Hook: the conversation once the nick is accepted. Correct: stdin on its own thread, server lines printed as they come. */
    void converse() throws IOException {
        Thread typing = new Thread(this::typeStdin, "stdin-to-server");
        typing.setDaemon(true);
        typing.start();
        printUntilClose();
    }

    /** Hook: what stdin EOF does. Correct: QUIT (the server then closes). */
    void atStdinEof() throws IOException {
        quit();
    }

    /** Hook: how a server line is shown. Correct: the contract's formats, anything else as received. */
    String format(String line) {
        int space = line.indexOf(' ');
        if (space < 0) {
            return line;
        }
        String rest = line.substring(space + 1);
        switch (line.substring(0, space)) {
            case "OK":
                return "* connected as " + rest;
            case "MSG":
            case "PRIV": {
                int cut = rest.indexOf(' ');
                String from = cut < 0 ? rest : rest.substring(0, cut);
                String text = cut < 0 ? "" : rest.substring(cut + 1);
                return "[" + from + "] " + (line.startsWith("PRIV") ? "(private) " : "") + text;
            }
            case "JOIN":
                return "* " + rest + " joined";
            case "LEAVE":
                return "* " + rest + " left";
            case "USERS":
                return "* users: " + rest;
            case "ERR":
                return "! " + rest;
            default:
                return line;
        }
    }

    private void typeStdin() {
        try {
            InputStream stdin = new BufferedInputStream(System.in);
            byte[] raw;
            while ((raw = VariantSupport.readLine(stdin, Long.MAX_VALUE, true)) != null) {
                if (type(new String(VariantSupport.stripCr(raw), StandardCharsets.UTF_8))) {
                    return;
                }
            }
            atStdinEof();
        } catch (IOException e) {
            // the reading side sees the reset or the close and decides the exit code
        }
    }

    /** Sends the command for one stdin line; true if it was {@code /quit}. */
    final boolean type(String line) throws IOException {
        if (line.equals("/quit")) {
            quit();
            return true;
        }
        if (line.equals("/who")) {
            send("WHO");
        } else if (line.startsWith("/msg ")) {
            send("PRIV " + line.substring("/msg ".length()));
        } else {
            send("MSG " + line);
        }
        return false;
    }

    final void quit() throws IOException {
        quitSent = true;
        send("QUIT");
        // CHAT-13: the close is owed within 10 s of QUIT.
        new VariantSupport.Patience("the server did not close the connection within 10 s of QUIT").owedFromNow();
    }

    /** Prints server lines until the server closes, then exits. */
    final void printUntilClose() throws IOException {
        String line;
        while ((line = readServerLine()) != null) {
            print(format(line));
        }
        ended(null);
    }

    /** The connection is over: 0 after our QUIT (or our own close), otherwise 2. */
    final void ended(IOException failure) {
        if (quitSent || closedByUs) {
            System.out.flush();
            System.exit(0);
        }
        VariantSupport.die(2, failure == null ? "the server closed the connection"
                : "connection lost: " + failure.getMessage());
    }

    /** One server line without its terminator, null at end of stream. */
    final String readServerLine() throws IOException {
        byte[] line = VariantSupport.readLine(in, MAX_SERVER_LINE, true);
        return line == null ? null : new String(VariantSupport.stripCr(line), StandardCharsets.UTF_8);
    }

    final void send(String line) throws IOException {
        synchronized (out) {
            VariantSupport.writeLine(out, line);
        }
    }

    static void print(String line) {
        VariantSupport.printLine(line.getBytes(StandardCharsets.UTF_8));
    }
}
