package io.socketlab.grader.variants;

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
import io.socketlab.grader.variants.filetransfer.CorrectFileClient;
import io.socketlab.grader.variants.filetransfer.CorrectFileServer;
import io.socketlab.grader.variants.filetransfer.DirectWriteFileServer;
import io.socketlab.grader.variants.filetransfer.EndMarkerFileServer;
import io.socketlab.grader.variants.filetransfer.InMemoryFileServer;
import io.socketlab.grader.variants.filetransfer.LeavesTempFilesFileServer;
import io.socketlab.grader.variants.filetransfer.NoDigestCheckFileServer;
import io.socketlab.grader.variants.filetransfer.NoVerifyFileClient;
import io.socketlab.grader.variants.filetransfer.NonAtomicGetFileClient;
import io.socketlab.grader.variants.filetransfer.UnsanitisedNameFileServer;
import io.socketlab.grader.variants.serialization.AckBeforeWriteReportServer;
import io.socketlab.grader.variants.serialization.ClosesOnBadJsonReportServer;
import io.socketlab.grader.variants.serialization.CorrectReportClient;
import io.socketlab.grader.variants.serialization.CorrectReportServer;
import io.socketlab.grader.variants.serialization.HardcodedFactsReportClient;
import io.socketlab.grader.variants.serialization.LenientValidationReportServer;
import io.socketlab.grader.variants.serialization.NoPersistenceReportServer;
import io.socketlab.grader.variants.serialization.SingleReadLengthReportServer;
import io.socketlab.grader.variants.serialization.UncheckedLengthReportServer;
import io.socketlab.grader.variants.serialization.UnsynchronizedIdsReportServer;
import io.socketlab.grader.variants.serialization.WrongOutputReportClient;
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
import java.util.List;

/** Registry of the deliberately broken implementations the grader's own tests run. */
public final class Variants {

    private Variants() {
    }

    /**
     * One program with one classic mistake: exercise id ({@code sockets}, {@code echo},
     * {@code serialization}, {@code file-transfer}), program ({@code server}, {@code client}), its
     * main class, and the spec clause it must lose ({@code null} for the correct controls in
     * {@link #CORRECT}).
     */
    public record Variant(String exercise, String program, Class<?> mainClass, String brokenClause) {
    }

    /** Every broken variant; each must lose (at least) its {@code brokenClause}. */
    public static final List<Variant> ALL = List.of(
            new Variant("sockets", "server", SingleRecvSocketsServer.class, "SOCK-3"),
            new Variant("sockets", "server", CharCountSocketsServer.class, "SOCK-2"),
            new Variant("sockets", "server", NoLimitSocketsServer.class, "SOCK-4"),
            new Variant("sockets", "server", CrashOnBadUtf8SocketsServer.class, "SOCK-6"),
            new Variant("sockets", "server", OneShotSocketsServer.class, "SOCK-7"),
            new Variant("sockets", "server", KeepsCrSocketsServer.class, "SOCK-3"),
            new Variant("sockets", "client", NoByeSocketsClient.class, "SOCK-9"),
            new Variant("sockets", "client", IgnoresStdinSocketsClient.class, "SOCK-10"),
            new Variant("echo", "server", TextDecodingEchoServer.class, "ECHO-1"),
            new Variant("echo", "server", OneClientAtATimeEchoServer.class, "ECHO-3"),
            new Variant("echo", "server", IgnoresHalfCloseEchoServer.class, "ECHO-2"),
            new Variant("echo", "server", NoUdpEchoServer.class, "ECHO-5"),
            new Variant("echo", "server", TruncatingUdpEchoServer.class, "ECHO-5"),
            new Variant("echo", "server", BufferAllEchoServer.class, "ECHO-4"),
            new Variant("echo", "client", NoRetryUdpEchoClient.class, "ECHO-9"),
            new Variant("echo", "client", NoHalfCloseEchoClient.class, "ECHO-8"),
            new Variant("echo", "client", ExitZeroOnRefusedEchoClient.class, "ECHO-10"),
            new Variant("serialization", "server", SingleReadLengthReportServer.class, "SER-1"),
            new Variant("serialization", "server", UncheckedLengthReportServer.class, "SER-2"),
            new Variant("serialization", "server", AckBeforeWriteReportServer.class, "SER-6"),
            new Variant("serialization", "server", NoPersistenceReportServer.class, "SER-6"),
            new Variant("serialization", "server", LenientValidationReportServer.class, "SER-4"),
            new Variant("serialization", "server", ClosesOnBadJsonReportServer.class, "SER-4"),
            new Variant("serialization", "server", UnsynchronizedIdsReportServer.class, "SER-7"),
            new Variant("serialization", "client", HardcodedFactsReportClient.class, "SER-9"),
            new Variant("serialization", "client", WrongOutputReportClient.class, "SER-9"),
            new Variant("file-transfer", "server", EndMarkerFileServer.class, "FT-1"),
            new Variant("file-transfer", "server", DirectWriteFileServer.class, "FT-4"),
            new Variant("file-transfer", "server", NoDigestCheckFileServer.class, "FT-5"),
            new Variant("file-transfer", "server", UnsanitisedNameFileServer.class, "FT-6"),
            new Variant("file-transfer", "server", InMemoryFileServer.class, "FT-1"),
            new Variant("file-transfer", "server", LeavesTempFilesFileServer.class, "FT-4"),
            new Variant("file-transfer", "client", NoVerifyFileClient.class, "FT-11"),
            new Variant("file-transfer", "client", NonAtomicGetFileClient.class, "FT-11"));

    /** The unbroken bases the variants derive from; they should lose no clause (a control). */
    public static final List<Variant> CORRECT = List.of(
            new Variant("sockets", "server", CorrectSocketsServer.class, null),
            new Variant("sockets", "client", CorrectSocketsClient.class, null),
            new Variant("echo", "server", CorrectEchoServer.class, null),
            new Variant("echo", "client", CorrectEchoClient.class, null),
            new Variant("serialization", "server", CorrectReportServer.class, null),
            new Variant("serialization", "client", CorrectReportClient.class, null),
            new Variant("file-transfer", "server", CorrectFileServer.class, null),
            new Variant("file-transfer", "client", CorrectFileClient.class, null));
}
