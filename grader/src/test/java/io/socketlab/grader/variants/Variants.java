package io.socketlab.grader.variants;

import io.socketlab.grader.variants.chat.ChatVariants;
import io.socketlab.grader.variants.quiz.QuizVariants;
import io.socketlab.grader.variants.echo.CrlfUdpEchoClient;
import io.socketlab.grader.variants.echo.NeverHalfClosesEchoClient;
import io.socketlab.grader.variants.sockets.ChunkDecodingSocketsServer;
import io.socketlab.grader.variants.sockets.CrlfRepliesSocketsServer;
import io.socketlab.grader.variants.sockets.CrlfSocketsClient;
import io.socketlab.grader.variants.sockets.LenientByeSocketsServer;
import io.socketlab.grader.variants.echo.BufferAllEchoServer;
import io.socketlab.grader.variants.echo.CorrectEchoClient;
import io.socketlab.grader.variants.echo.CorrectEchoServer;
import io.socketlab.grader.variants.echo.ExitZeroOnRefusedEchoClient;
import io.socketlab.grader.variants.echo.IgnoresHalfCloseEchoServer;
import io.socketlab.grader.variants.echo.NoHalfCloseEchoClient;
import io.socketlab.grader.variants.echo.NoRetryUdpEchoClient;
import io.socketlab.grader.variants.echo.NoUdpEchoServer;
import io.socketlab.grader.variants.echo.OneClientAtATimeEchoServer;
import io.socketlab.grader.variants.echo.TextDecodingEchoServer;
import io.socketlab.grader.variants.echo.TruncatingUdpEchoServer;
import io.socketlab.grader.variants.filetransfer.FileTransferVariants;
import io.socketlab.grader.variants.http.HttpVariants;
import io.socketlab.grader.variants.serialization.SerializationVariants;
import io.socketlab.grader.variants.sockets.CharCountSocketsServer;
import io.socketlab.grader.variants.sockets.CorrectSocketsClient;
import io.socketlab.grader.variants.sockets.CorrectSocketsServer;
import io.socketlab.grader.variants.sockets.CrashOnBadUtf8SocketsServer;
import io.socketlab.grader.variants.sockets.IgnoresStdinSocketsClient;
import io.socketlab.grader.variants.sockets.KeepsCrSocketsServer;
import io.socketlab.grader.variants.sockets.NoByeSocketsClient;
import io.socketlab.grader.variants.sockets.NoLimitSocketsServer;
import io.socketlab.grader.variants.sockets.OneShotSocketsServer;
import io.socketlab.grader.variants.sockets.SingleRecvSocketsServer;
import io.socketlab.grader.variants.udpstream.UdpStreamVariants;
import io.socketlab.grader.variants.udptransfer.UdpTransferVariants;
import java.util.Arrays;
import java.util.List;

/** Registry of the deliberately broken implementations the grader's own tests run. */
public final class Variants {

    private Variants() {
    }

    /**
     * One program with one classic mistake: exercise id ({@code sockets}, {@code echo},
     * {@code serialization}, {@code file-transfer}, {@code chat}, {@code quiz}, {@code http}), program ({@code server}, {@code client}), its
     * main class or, for a mistake that is a Python habit, its Python script (a path under
     * {@code grader/src/test/python/}), and the spec clause it must lose ({@code null} for the correct controls in
     * {@link #CORRECT}).
     */
    public record Variant(String exercise, String program, Class<?> mainClass, String pythonScript, String brokenClause) {

        /** A Java variant: a main class on the test classpath. */
        public Variant(String exercise, String program, Class<?> mainClass, String brokenClause) {
            this(exercise, program, mainClass, null, brokenClause);
        }

        /** A Python variant, run with {@code python3}; {@code script} is relative to {@code grader/src/test/python/}. */
        public static Variant python(String exercise, String program, String script, String brokenClause) {
            return new Variant(exercise, program, null, script, brokenClause);
        }

        public boolean isPython() {
            return pythonScript != null;
        }

        /** The class's simple name, or the script's path: what {@code -Dsocketlab.variants} selects and reports show. */
        public String name() {
            return isPython() ? pythonScript : mainClass.getSimpleName();
        }

        @Override
        public String toString() {
            return name() + (brokenClause == null ? "" : " loses " + brokenClause);
        }
    }

    /** Every broken variant; each must lose (at least) its {@code brokenClause}. */
    public static final List<Variant> ALL = join(List.of(
            new Variant("sockets", "server", SingleRecvSocketsServer.class, "SOCK-3"),
            new Variant("sockets", "server", CharCountSocketsServer.class, "SOCK-2"),
            new Variant("sockets", "server", NoLimitSocketsServer.class, "SOCK-4"),
            new Variant("sockets", "server", CrashOnBadUtf8SocketsServer.class, "SOCK-6"),
            new Variant("sockets", "server", OneShotSocketsServer.class, "SOCK-7"),
            new Variant("sockets", "server", KeepsCrSocketsServer.class, "SOCK-3"),
            new Variant("sockets", "client", NoByeSocketsClient.class, "SOCK-9"),
            new Variant("sockets", "client", IgnoresStdinSocketsClient.class, "SOCK-10"),
            new Variant("sockets", "server", ChunkDecodingSocketsServer.class, "SOCK-3"),
            new Variant("sockets", "server", CrlfRepliesSocketsServer.class, "SOCK-2"),
            new Variant("sockets", "server", LenientByeSocketsServer.class, "SOCK-5"),
            new Variant("sockets", "client", CrlfSocketsClient.class, "SOCK-9"),
            Variant.python("sockets", "client", "sockets/recv_once_client.py", "SOCK-9"),
            Variant.python("sockets", "client", "sockets/traceback_on_err_client.py", "SOCK-9"),
            Variant.python("sockets", "client", "sockets/exits_at_bye_client.py", "SOCK-9"),
            Variant.python("sockets", "client", "sockets/stdin_first_client.py", "SOCK-10"),
            Variant.python("sockets", "client", "sockets/no_timeout_client.py", "SOCK-11"),
            new Variant("echo", "server", TextDecodingEchoServer.class, "ECHO-1"),
            new Variant("echo", "server", OneClientAtATimeEchoServer.class, "ECHO-3"),
            new Variant("echo", "server", IgnoresHalfCloseEchoServer.class, "ECHO-2"),
            new Variant("echo", "server", NoUdpEchoServer.class, "ECHO-5"),
            new Variant("echo", "server", TruncatingUdpEchoServer.class, "ECHO-5"),
            new Variant("echo", "server", BufferAllEchoServer.class, "ECHO-4"),
            new Variant("echo", "client", NoRetryUdpEchoClient.class, "ECHO-9"),
            new Variant("echo", "client", NoHalfCloseEchoClient.class, "ECHO-8"),
            new Variant("echo", "client", ExitZeroOnRefusedEchoClient.class, "ECHO-10"),
            new Variant("echo", "client", NeverHalfClosesEchoClient.class, "ECHO-8"),
            new Variant("echo", "client", CrlfUdpEchoClient.class, "ECHO-9"),
            Variant.python("echo", "server", "echo/send_not_sendall_server.py", "ECHO-4"),
            Variant.python("echo", "server", "echo/selectors_server.py", "ECHO-4"),
            Variant.python("echo", "client", "echo/single_thread_client.py", "ECHO-8"),
            Variant.python("echo", "client", "echo/endless_patience_client.py", "ECHO-8")),
            SerializationVariants.BROKEN,
            FileTransferVariants.BROKEN,
            ChatVariants.BROKEN,
            QuizVariants.BROKEN,
            HttpVariants.BROKEN,
            UdpTransferVariants.BROKEN,
            UdpStreamVariants.BROKEN);

    /** The unbroken bases the variants derive from; they should lose no clause (a control). */
    public static final List<Variant> CORRECT = join(List.of(
            new Variant("sockets", "server", CorrectSocketsServer.class, null),
            new Variant("sockets", "client", CorrectSocketsClient.class, null),
            new Variant("echo", "server", CorrectEchoServer.class, null),
            new Variant("echo", "client", CorrectEchoClient.class, null),
            Variant.python("sockets", "client", "sockets/classroom_client.py", null),
            Variant.python("echo", "server", "echo/classroom_server.py", null),
            Variant.python("echo", "client", "echo/classroom_client.py", null)),
            SerializationVariants.CORRECT,
            FileTransferVariants.CORRECT,
            ChatVariants.CORRECT,
            QuizVariants.CORRECT,
            HttpVariants.CORRECT,
            UdpTransferVariants.CORRECT,
            UdpStreamVariants.CORRECT);

    /** The lists of several exercises as one. */
    @SafeVarargs
    private static List<Variant> join(List<Variant>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
