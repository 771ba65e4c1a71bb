package io.socketlab.grader.variants.udptransfer;

import io.socketlab.grader.variants.Variants.Variant;
import java.util.List;

/** The udp-transfer variants: each broken one must lose its clause, the correct bases nothing. */
public final class UdpTransferVariants {

    private UdpTransferVariants() {
    }

    public static final List<Variant> BROKEN = List.of(
            new Variant("udp-transfer", "server", ExtraChunkUdpServer.class, "UT-1"),
            new Variant("udp-transfer", "server", RestartsOnStartUdpServer.class, "UT-3"),
            new Variant("udp-transfer", "server", AppendingUdpServer.class, "UT-4"),
            new Variant("udp-transfer", "server", ArrivalOrderUdpServer.class, "UT-4"),
            new Variant("udp-transfer", "server", NewChunksOnlyUdpServer.class, "UT-4"),
            new Variant("udp-transfer", "server", DoneOnceUdpServer.class, "UT-5"),
            new Variant("udp-transfer", "server", EarlyDoneUdpServer.class, "UT-5"),
            new Variant("udp-transfer", "server", StoresMismatchUdpServer.class, "UT-6"),
            new Variant("udp-transfer", "server", LeavesTempUdpServer.class, "UT-6"),
            new Variant("udp-transfer", "server", SignedSizeUdpServer.class, "UT-7"),
            new Variant("udp-transfer", "server", TidOnlyUdpServer.class, "UT-8"),
            new Variant("udp-transfer", "server", SingleSlotUdpServer.class, "UT-8"),
            new Variant("udp-transfer", "server", CrashOnTruncatedUdpServer.class, "UT-9"),
            new Variant("udp-transfer", "server", FinalNameUdpServer.class, "UT-10"),
            new Variant("udp-transfer", "client", NoRetransmitUdpClient.class, "UT-12"),
            new Variant("udp-transfer", "client", GivesUpUdpClient.class, "UT-12"),
            new Variant("udp-transfer", "client", CumulativeAckUdpClient.class, "UT-12"),
            new Variant("udp-transfer", "client", IgnoresAckSeqUdpClient.class, "UT-12"),
            new Variant("udp-transfer", "client", EndOnceUdpClient.class, "UT-12"),
            new Variant("udp-transfer", "client", GapOnlyResendUdpClient.class, "UT-12"),
            new Variant("udp-transfer", "client", EofMarkerUdpClient.class, "UT-14"),
            new Variant("udp-transfer", "client", NewTidPerStartUdpClient.class, "UT-14"),
            new Variant("udp-transfer", "client", ExitZeroOnErrorUdpClient.class, "UT-15"),
            new Variant("udp-transfer", "client", IgnoresDoneStatusUdpClient.class, "UT-15"),
            new Variant("udp-transfer", "client", SameErrorLineUdpClient.class, "UT-15"),
            new Variant("udp-transfer", "client", ConnectedUdpClient.class, "UT-16"),
            new Variant("udp-transfer", "client", NoBackOffUdpClient.class, "UT-18"),
            Variant.python("udp-transfer", "server", "udptransfer/recv_1024_server.py", "UT-1"),
            Variant.python("udp-transfer", "server", "udptransfer/unicode_names_server.py", "UT-7"),
            Variant.python("udp-transfer", "server", "udptransfer/unchecked_lengths_server.py", "UT-9"),
            Variant.python("udp-transfer", "client", "udptransfer/any_reply_client.py", "UT-12"),
            Variant.python("udp-transfer", "client", "udptransfer/ignores_status_client.py", "UT-15"),
            Variant.python("udp-transfer", "client", "udptransfer/traceback_on_error_client.py", "UT-15"),
            Variant.python("udp-transfer", "client", "udptransfer/connected_client.py", "UT-16"),
            Variant.python("udp-transfer", "client", "udptransfer/fixed_timeout_client.py", "UT-18"));

    public static final List<Variant> CORRECT = List.of(
            new Variant("udp-transfer", "server", CorrectUdpServer.class, null),
            new Variant("udp-transfer", "client", CorrectUdpClient.class, null),
            Variant.python("udp-transfer", "server", "udptransfer/classroom_server.py", null),
            Variant.python("udp-transfer", "client", "udptransfer/classroom_client.py", null));
}
