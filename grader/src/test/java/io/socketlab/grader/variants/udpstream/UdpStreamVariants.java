package io.socketlab.grader.variants.udpstream;

import io.socketlab.grader.variants.Variants.Variant;
import java.util.List;

/** The udp-stream variants, kept apart so that {@code Variants} gains one line per list. */
public final class UdpStreamVariants {

    private UdpStreamVariants() {
    }

    public static final List<Variant> BROKEN = List.of(
            new Variant("udp-stream", "server", BlackConcealmentStreamReceiver.class, "US-2"),
            new Variant("udp-stream", "server", RowBelowStreamReceiver.class, "US-2"),
            new Variant("udp-stream", "server", DuplicatesCountedStreamReceiver.class, "US-7"),
            new Variant("udp-stream", "server", NoEarlyRowsStreamReceiver.class, "US-4"),
            new Variant("udp-stream", "server", NoIdleWriteStreamReceiver.class, "US-5"),
            new Variant("udp-stream", "server", GlobalIdleStreamReceiver.class, "US-5"),
            new Variant("udp-stream", "server", TruncationCrashStreamReceiver.class, "US-8"),
            new Variant("udp-stream", "server", SignedFrameStreamReceiver.class, "US-1"),
            new Variant("udp-stream", "server", IdleOnlyStreamReceiver.class, "US-1"),
            new Variant("udp-stream", "server", LastFrameOnlyStreamReceiver.class, "US-9"),
            new Variant("udp-stream", "server", SingleFrameStreamReceiver.class, "US-9"),
            new Variant("udp-stream", "client", SingleHeaderStreamSender.class, "US-11"),
            new Variant("udp-stream", "client", SignedFrameStreamSender.class, "US-11"),
            new Variant("udp-stream", "client", UnpacedStreamSender.class, "US-12"),
            new Variant("udp-stream", "client", UncheckedReadStreamSender.class, "US-13"),
            new Variant("udp-stream", "client", GetRgbStreamSender.class, "US-14"),
            new Variant("udp-stream", "client", RasterBytesStreamSender.class, "US-14"),
            Variant.python("udp-stream", "server", "udpstream/recv_1024_server.py", "US-1"),
            Variant.python("udp-stream", "server", "udpstream/socket_timeout_idle_server.py", "US-5"),
            Variant.python("udp-stream", "client", "udpstream/eight_bit_only_sender.py", "US-14"));

    public static final List<Variant> CORRECT = List.of(
            new Variant("udp-stream", "server", CorrectStreamReceiver.class, null),
            new Variant("udp-stream", "client", CorrectStreamSender.class, null),
            Variant.python("udp-stream", "server", "udpstream/classroom_server.py", null));
}
