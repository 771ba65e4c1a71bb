package io.socketlab.grader.variants.serialization;

import io.socketlab.grader.variants.Variants.Variant;
import java.util.List;

/** The serialization exercise's broken variants and their correct bases, registered in {@code Variants}. */
public final class SerializationVariants {

    private SerializationVariants() {
    }

    /** Each loses its clause: a classroom mistake of a framed-JSON server or client. */
    public static final List<Variant> BROKEN = List.of(
            new Variant("serialization", "server", SingleReadLengthSerializationServer.class, "SER-1"),
            new Variant("serialization", "server", ChunkDecodingSerializationServer.class, "SER-1"),
            new Variant("serialization", "server", UncheckedLengthSerializationServer.class, "SER-2"),
            new Variant("serialization", "server", SignedLengthSerializationServer.class, "SER-2"),
            new Variant("serialization", "server", OffByOneLimitSerializationServer.class, "SER-2"),
            new Variant("serialization", "server", CharCountSerializationServer.class, "SER-3"),
            new Variant("serialization", "server", LibraryTimestampSerializationServer.class, "SER-3"),
            new Variant("serialization", "server", LenientValidationSerializationServer.class, "SER-4"),
            new Variant("serialization", "server", ClosesOnBadJsonSerializationServer.class, "SER-4"),
            new Variant("serialization", "server", ReplacesInvalidUtf8SerializationServer.class, "SER-4"),
            new Variant("serialization", "server", TrailingDataSerializationServer.class, "SER-4"),
            new Variant("serialization", "server", StoresWholeRequestSerializationServer.class, "SER-5"),
            new Variant("serialization", "server", AckBeforeWriteSerializationServer.class, "SER-6"),
            new Variant("serialization", "server", NoPersistenceSerializationServer.class, "SER-6"),
            new Variant("serialization", "server", FailsOnTornLineSerializationServer.class, "SER-6"),
            new Variant("serialization", "server", UnsynchronizedIdsSerializationServer.class, "SER-7"),
            new Variant("serialization", "client", HardcodedFactsSerializationClient.class, "SER-9"),
            new Variant("serialization", "client", WrongOutputSerializationClient.class, "SER-9"),
            new Variant("serialization", "client", OkWhateverSerializationClient.class, "SER-9"),
            new Variant("serialization", "client", BlockReaderSerializationClient.class, "SER-10"),
            new Variant("serialization", "client", NoTimeoutSerializationClient.class, "SER-11"),
            Variant.python("serialization", "server", "serialization/recv_once_server.py", "SER-1"),
            Variant.python("serialization", "server", "serialization/allocates_announced_length_server.py", "SER-2"),
            Variant.python("serialization", "server", "serialization/accepts_nan_server.py", "SER-4"),
            Variant.python("serialization", "server", "serialization/catches_decode_error_only_server.py", "SER-4"),
            Variant.python("serialization", "server", "serialization/fromisoformat_server.py", "SER-4"),
            Variant.python("serialization", "server", "serialization/single_threaded_server.py", "SER-7"),
            Variant.python("serialization", "server", "serialization/no_sigterm_handler_server.py", "SER-8"),
            Variant.python("serialization", "client", "serialization/silent_error_client.py", "SER-9"),
            Variant.python("serialization", "client", "serialization/recv_once_client.py", "SER-10"),
            Variant.python("serialization", "client", "serialization/prints_repr_client.py", "SER-10"),
            Variant.python("serialization", "client", "serialization/no_timeout_client.py", "SER-11"));

    public static final List<Variant> CORRECT = List.of(
            new Variant("serialization", "server", CorrectSerializationServer.class, null),
            new Variant("serialization", "client", CorrectSerializationClient.class, null),
            Variant.python("serialization", "server", "serialization/classroom_server.py", null),
            Variant.python("serialization", "client", "serialization/classroom_client.py", null));
}
