package io.socketlab.grader.variants.sockets;

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
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Correct sockets client; each broken variant overrides exactly one of the hooks below. */
abstract class SocketsClientBase {

    private static final long MAX_REPLY_BYTES = 1 << 20;

    /** Message lines to send, without terminator; null when there are no more. */
    interface MessageSource {
        byte[] next() throws IOException;
    }

    Socket socket;
    InputStream in;
    OutputStream out;

    final void run(String[] argv) {
        Args args = VariantSupport.parse(argv, Set.of("--host", "--port"), Set.of());
        if (args.positional().stream().anyMatch(m -> m.contains("\n") || m.contains("\r"))) {
            VariantSupport.die(2, "usage error: a MESSAGE cannot contain a line break");
        }
        String host = args.get("--host", "127.0.0.1");
        int port = args.port();
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 10_000);
        } catch (ConnectException e) {
            VariantSupport.die(2, "connection refused by " + host + ":" + port);
        } catch (IOException e) {
            VariantSupport.die(2, "cannot connect to " + host + ":" + port + ": " + e.getMessage());
        }
        try {
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            expectLine();
            MessageSource messages = messages(args.positional());
            byte[] message;
            while ((message = messages.next()) != null) {
                send(message);
                refuseIfErr(expectLine());
            }
            finish();
        } catch (SocketTimeoutException e) {
            VariantSupport.die(2, "no answer from the server within 10 s");
        } catch (IOException e) {
            VariantSupport.die(2, "connection lost: " + e.getMessage());
        }
    }

    /** Hook: where messages come from. Correct: the arguments, or stdin lines if there are none. */
    MessageSource messages(List<String> arguments) {
        return arguments.isEmpty() ? fromStdin() : fromArguments(arguments);
    }

    /** Hook: the end of the conversation. Correct: BYE, its reply, then the server's close. */
    void finish() throws IOException {
        send("BYE".getBytes(StandardCharsets.US_ASCII));
        refuseIfErr(expectLine());
        byte[] extra;
        while ((extra = VariantSupport.readLine(in, MAX_REPLY_BYTES, true)) != null) {
            VariantSupport.printLine(extra);
        }
        socket.close();
        System.out.flush();
        System.exit(0);
    }

    static MessageSource fromArguments(List<String> arguments) {
        // A MESSAGE that is exactly BYE ends the conversation: the final BYE, nothing after it.
        Iterator<String> it = arguments.stream().takeWhile(m -> !m.equals("BYE")).iterator();
        return () -> it.hasNext() ? it.next().getBytes(StandardCharsets.UTF_8) : null;
    }

    static MessageSource fromStdin() {
        InputStream stdin = new BufferedInputStream(System.in);
        return () -> {
            byte[] line = VariantSupport.readLine(stdin, Long.MAX_VALUE, true);
            return line == null ? null : VariantSupport.stripCr(line);
        };
    }

    final void send(byte[] line) throws IOException {
        byte[] end = lineEnd().getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[line.length + end.length];
        System.arraycopy(line, 0, framed, 0, line.length);
        System.arraycopy(end, 0, framed, line.length, end.length);
        out.write(framed);
        out.flush();
    }

    /** Hook: how the client ends the lines it sends. Correct: LF alone. */
    String lineEnd() {
        return "\n";
    }

    /** Reads and prints one server line; the server closing here is exit 2. */
    final byte[] expectLine() throws IOException {
        byte[] line = VariantSupport.readLine(in, MAX_REPLY_BYTES, false);
        if (line == null) {
            VariantSupport.die(2, "the server closed the connection before the exchange was over");
        }
        line = VariantSupport.stripCr(line);
        VariantSupport.printLine(line);
        return line;
    }

    private static void refuseIfErr(byte[] reply) {
        String text = new String(reply, StandardCharsets.UTF_8);
        if (text.startsWith("ERR")) {
            VariantSupport.die(1, "the server refused: " + text);
        }
    }
}
