package io.socketlab.grader.variants;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Plumbing shared by the deliberately broken variants (argument parsing, line I/O, exits),
 * kept here so that each variant differs from its correct base in exactly one place.
 */
public final class VariantSupport {

    private VariantSupport() {
    }

    /** A parsed command line: options with a value, bare flags, and everything else. */
    public record Args(Map<String, String> options, Set<String> flags, List<String> positional) {

        public String get(String name, String fallback) {
            return options.getOrDefault(name, fallback);
        }

        public boolean has(String flag) {
            return flags.contains(flag);
        }

        /** The required {@code --port}, or a usage error (exit 2). */
        public int port() {
            return intOption("--port", -1, 0, 65535);
        }

        public int intOption(String name, int fallback, int min, int max) {
            String value = options.get(name);
            if (value == null) {
                if (fallback < min) {
                    die(2, "usage error: " + name + " is required");
                }
                return fallback;
            }
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            die(2, "usage error: " + name + " must be an integer in " + min + ".." + max + ", got '" + value + "'");
            return fallback; // unreachable
        }

        /** Like {@link #intOption}, for values that may not fit an int (sizes in bytes). */
        public long longOption(String name, long fallback, long min, long max) {
            String value = options.get(name);
            if (value == null) {
                if (fallback < min) {
                    die(2, "usage error: " + name + " is required");
                }
                return fallback;
            }
            try {
                long n = Long.parseLong(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            die(2, "usage error: " + name + " must be an integer in " + min + ".." + max + ", got '" + value + "'");
            return fallback; // unreachable
        }
    }

    /**
     * Parses {@code argv}: names in {@code valued} take the next argument as their value, names in
     * {@code flags} stand alone, {@code --} ends the options, anything else is positional.
     */
    public static Args parse(String[] argv, Set<String> valued, Set<String> flags) {
        Map<String, String> options = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("--")) {
                positional.addAll(Arrays.asList(argv).subList(i + 1, argv.length));
                break;
            } else if (valued.contains(arg)) {
                if (i + 1 >= argv.length) {
                    die(2, "usage error: " + arg + " needs a value");
                }
                options.put(arg, argv[++i]);
            } else if (flags.contains(arg)) {
                seen.add(arg);
            } else {
                positional.add(arg);
            }
        }
        return new Args(options, seen, positional);
    }

    /** Servers: SIGTERM (any JVM shutdown) ends the process with exit code 0. */
    public static void exitZeroOnSigterm() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(0), "sigterm-exit-0"));
    }

    /** A listening TCP socket on {@code host} (null: all interfaces) and {@code port}. */
    public static ServerSocket listen(String host, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        try {
            server.bind(host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port), 256);
        } catch (IOException e) {
            server.close();
            die(2, "cannot listen on port " + port + ": " + e.getMessage());
        }
        return server;
    }

    /** Thrown by {@link #readLine} when more than the allowed bytes precede the LF. */
    public static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        public LineTooLongException() {
            super("line too long");
        }
    }

    /**
     * Reads one line from a (buffered) stream: the bytes before the next LF, CR included.
     * Returns null at end of stream; an unterminated last line is returned only if
     * {@code partialAtEof}. Throws {@link LineTooLongException} as soon as more than {@code max}
     * bytes precede the LF (the rest of the line is left unread).
     */
    public static byte[] readLine(InputStream in, long max, boolean partialAtEof) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long count = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return line.toByteArray();
            }
            if (++count > max) {
                throw new LineTooLongException();
            }
            line.write(b);
        }
        return partialAtEof && count > 0 ? line.toByteArray() : null;
    }

    /** The line without one trailing CR. */
    public static byte[] stripCr(byte[] line) {
        int n = line.length;
        return n > 0 && line[n - 1] == '\r' ? Arrays.copyOf(line, n - 1) : line;
    }

    /** The line decoded as strict UTF-8, or null if it is not valid UTF-8. */
    public static String decodeUtf8(byte[] line) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Sends {@code text} as one UTF-8 line ending in LF, in one write. */
    public static void writeLine(OutputStream out, String text) throws IOException {
        out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Prints raw line bytes and LF on stdout, then flushes. */
    public static void printLine(byte[] line) {
        System.out.write(line, 0, line.length);
        System.out.write('\n');
        System.out.flush();
    }

    /**
     * Flushes stdout, writes one line on stderr, exits with {@code code}. Halts rather than exits, so that a
     * SIGTERM hook already installed ({@link #exitZeroOnSigterm}) cannot turn the code into 0.
     */
    public static void die(int code, String message) {
        System.out.flush();
        System.err.println(message);
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    /**
     * A client's patience with a server that owes it an answer (QUIZ-13, CHAT-13, ECHO-8): once an answer is owed,
     * 10 s without it end the program with exit code 2 and one stderr line; while nothing is owed, nothing times out.
     */
    public static final class Patience {
        private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
        private final String message;
        private volatile long owedSince;
        private volatile boolean owed;

        public Patience(String message) {
            this.message = message;
            Thread watch = new Thread(this::watch, "patience");
            watch.setDaemon(true);
            watch.start();
        }

        /** An answer is owed from now on (or, after one arrived, still owed: the 10 s start again). */
        public void owedFromNow() {
            owedSince = System.nanoTime();
            owed = true;
        }

        /** An answer becomes owed now, unless one already was. */
        public void owedUnlessAlready() {
            if (!owed) {
                owedFromNow();
            }
        }

        /** Nothing is owed any more. */
        public void answered() {
            owed = false;
        }

        private void watch() {
            while (true) {
                if (owed && System.nanoTime() - owedSince >= LIMIT_NANOS) {
                    die(2, message);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    public static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /**
     * Closes a connection whose peer may still be sending without a reset that could destroy our
     * last reply: FIN first, then discard input until the peer closes (at most 2 s), then close.
     */
    public static void closeGracefully(Socket socket) {
        try (socket) {
            socket.shutdownOutput();
            socket.setSoTimeout(2000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            long deadline = System.nanoTime() + 2_000_000_000L;
            byte[] sink = new byte[8192];
            while (System.nanoTime() < deadline && in.read(sink) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // peer gone or timed out: closed either way
        }
    }
}
