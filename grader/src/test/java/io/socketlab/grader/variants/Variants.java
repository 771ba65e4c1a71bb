package io.socketlab.grader.variants;

import io.socketlab.grader.variants.chat.BlockingBroadcastChatServer;
import io.socketlab.grader.variants.chat.CaseInsensitiveNicksChatServer;
import io.socketlab.grader.variants.chat.CorrectChatClient;
import io.socketlab.grader.variants.chat.CorrectChatServer;
import io.socketlab.grader.variants.chat.EchoesToSenderChatServer;
import io.socketlab.grader.variants.chat.NoJoinNoticeChatServer;
import io.socketlab.grader.variants.chat.NoLeaveOnResetChatServer;
import io.socketlab.grader.variants.chat.NoNickValidationChatServer;
import io.socketlab.grader.variants.chat.NoQuitOnEofChatClient;
import io.socketlab.grader.variants.chat.PrivToAllChatServer;
import io.socketlab.grader.variants.chat.RawOutputChatClient;
import io.socketlab.grader.variants.chat.UnsortedWhoChatServer;
import io.socketlab.grader.variants.chat.WaitsForStdinChatClient;
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
import io.socketlab.grader.variants.quiz.AnswersAllAtOnceQuizClient;
import io.socketlab.grader.variants.quiz.CorrectQuizClient;
import io.socketlab.grader.variants.quiz.CorrectQuizServer;
import io.socketlab.grader.variants.quiz.ExactMatchQuizServer;
import io.socketlab.grader.variants.quiz.ExitZeroOnJoinErrorQuizClient;
import io.socketlab.grader.variants.quiz.LateAcceptedQuizServer;
import io.socketlab.grader.variants.quiz.NoResetQuizServer;
import io.socketlab.grader.variants.quiz.NoTimeoutQuizServer;
import io.socketlab.grader.variants.quiz.StuckOnDisconnectQuizServer;
import io.socketlab.grader.variants.quiz.UnsyncRoundsQuizServer;
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
            new Variant("chat", "server", EchoesToSenderChatServer.class, "CHAT-4"),
            new Variant("chat", "server", BlockingBroadcastChatServer.class, "CHAT-9"),
            new Variant("chat", "server", NoLeaveOnResetChatServer.class, "CHAT-7"),
            new Variant("chat", "server", UnsortedWhoChatServer.class, "CHAT-6"),
            new Variant("chat", "server", NoNickValidationChatServer.class, "CHAT-1"),
            new Variant("chat", "server", CaseInsensitiveNicksChatServer.class, "CHAT-1"),
            new Variant("chat", "server", NoJoinNoticeChatServer.class, "CHAT-3"),
            new Variant("chat", "server", PrivToAllChatServer.class, "CHAT-5"),
            new Variant("chat", "client", WaitsForStdinChatClient.class, "CHAT-12"),
            new Variant("chat", "client", RawOutputChatClient.class, "CHAT-12"),
            new Variant("chat", "client", NoQuitOnEofChatClient.class, "CHAT-11"),
            new Variant("quiz", "server", LateAcceptedQuizServer.class, "QUIZ-3"),
            new Variant("quiz", "server", UnsyncRoundsQuizServer.class, "QUIZ-5"),
            new Variant("quiz", "server", NoTimeoutQuizServer.class, "QUIZ-4"),
            new Variant("quiz", "server", ExactMatchQuizServer.class, "QUIZ-6"),
            new Variant("quiz", "server", StuckOnDisconnectQuizServer.class, "QUIZ-9"),
            new Variant("quiz", "server", NoResetQuizServer.class, "QUIZ-7"),
            new Variant("quiz", "client", AnswersAllAtOnceQuizClient.class, "QUIZ-12"),
            new Variant("quiz", "client", ExitZeroOnJoinErrorQuizClient.class, "QUIZ-13")),
            SerializationVariants.BROKEN,
            FileTransferVariants.BROKEN,
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
            Variant.python("echo", "client", "echo/classroom_client.py", null),
            new Variant("chat", "server", CorrectChatServer.class, null),
            new Variant("chat", "client", CorrectChatClient.class, null),
            new Variant("quiz", "server", CorrectQuizServer.class, null),
            new Variant("quiz", "client", CorrectQuizClient.class, null)),
            SerializationVariants.CORRECT,
            FileTransferVariants.CORRECT,
            HttpVariants.CORRECT,
            UdpTransferVariants.CORRECT,
            UdpStreamVariants.CORRECT);

    /** The lists of several exercises as one. */
    @SafeVarargs
    private static List<Variant> join(List<Variant>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
