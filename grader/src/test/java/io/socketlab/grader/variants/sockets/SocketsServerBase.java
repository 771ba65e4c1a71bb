package io.socketlab.grader.variants.sockets;

import io.socketlab.grader.variants.VariantSupport;
import io.socketlab.grader.variants.VariantSupport.Args;
import io.socketlab.grader.variants.VariantSupport.LineTooLongException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Correct sockets server (sequential service, as the contract allows); each broken variant
 * overrides exactly one of the package-private hooks below.
 */
abstract class SocketsServerBase {

    static final int MAX_LINE_BYTES = 8192;
    private static final byte[] BYE = "BYE".getBytes(StandardCharsets.US_ASCII);

    /** The lines of one connection, without terminator; null at end of stream. */
    interface LineSource {
        byte[] next() throws IOException;
    }

    final void run(String[] argv) throws IOException {
        Args args = VariantSupport.parse(argv, Set.of("--port", "--host"), Set.of());
        if (!args.positional().isEmpty()) {
            VariantSupport.die(2, "usage error: unexpected argument " + args.positional().get(0));
        }
        int port = args.port();
        VariantSupport.exitZeroOnSigterm();
        try (ServerSocket server = VariantSupport.listen(args.get("--host", null), port)) {
            do {
                serve(server.accept());
            } while (acceptAnother());
        }
    }

    /** Serves one client; I/O errors (resets, broken pipes) end only this connection. */
    private void serve(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            LineSource lines = lineSource(socket.getInputStream());
            write(out, "HELLO socketlab-variant");
            while (true) {
                byte[] line;
                try {
                    line = lines.next();
                } catch (LineTooLongException e) {
                    write(out, "ERR line-too-long");
                    VariantSupport.closeGracefully(socket);
                    return;
                }
                if (line == null) {
                    return;
                }
                if (isBye(line)) {
                    write(out, "BYE");
                    return;
                }
                write(out, reply(line));
            }
        } catch (IOException e) {
            System.err.println("connection ended: " + e);
        }
    }

    private void write(OutputStream out, String line) throws IOException {
        out.write((line + lineEnd()).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Hook: how the server ends the lines it sends. Correct: LF alone. */
    String lineEnd() {
        return "\n";
    }

    /** Hook: whether a line (its CR removed) is BYE. Correct: exactly those three bytes. */
    boolean isBye(byte[] line) {
        return Arrays.equals(line, BYE);
    }

    /** Hook: framing. Correct: buffered, up to LF, at most 8192 bytes of content. */
    LineSource lineSource(InputStream raw) {
        InputStream in = new BufferedInputStream(raw);
        long limit = maxLineBytes();
        long rawLimit = limit == Long.MAX_VALUE ? limit : limit + 1; // room for a trailing CR
        return () -> {
            byte[] line = VariantSupport.readLine(in, rawLimit, false);
            if (line == null) {
                return null;
            }
            line = withoutCr(line);
            if (line.length > limit) {
                throw new LineTooLongException();
            }
            return line;
        };
    }

    /** Hook: the line limit. Correct: 8192 bytes. */
    long maxLineBytes() {
        return MAX_LINE_BYTES;
    }

    /** Hook: CRLF handling. Correct: one trailing CR is stripped. */
    byte[] withoutCr(byte[] line) {
        return VariantSupport.stripCr(line);
    }

    /** Hook: the reply to a line. Correct: its UTF-8 byte count. */
    String reply(byte[] line) {
        return "RECEIVED " + line.length;
    }

    /** Hook: whether to accept another client after one leaves. Correct: always. */
    boolean acceptAnother() {
        return true;
    }
}
