package io.socketlab.grader.variants.chat;

import io.socketlab.grader.variants.Variants.Variant;
import java.util.List;

/**
 * The chat exercise's broken variants and their correct bases, registered in {@code Variants}: Java ones that override
 * one hook of a correct base, and Python habits under {@code grader/src/test/python/chat/}, each replacing one function
 * of the correct classroom program beside it.
 */
public final class ChatVariants {

    private ChatVariants() {
    }

    /** Each loses its clause: a classic mistake of a chat server or client. */
    public static final List<Variant> BROKEN = List.of(
            new Variant("chat", "server", EchoesToSenderChatServer.class, "CHAT-4"),
            new Variant("chat", "server", BlockingBroadcastChatServer.class, "CHAT-9"),
            new Variant("chat", "server", DropsOnBacklogChatServer.class, "CHAT-9"),
            new Variant("chat", "server", NoLeaveOnResetChatServer.class, "CHAT-7"),
            new Variant("chat", "server", ClosesAtOnceOnQuitChatServer.class, "CHAT-7"),
            new Variant("chat", "server", UnsortedWhoChatServer.class, "CHAT-6"),
            new Variant("chat", "server", NoNickValidationChatServer.class, "CHAT-1"),
            new Variant("chat", "server", CaseInsensitiveNicksChatServer.class, "CHAT-1"),
            new Variant("chat", "server", NoJoinNoticeChatServer.class, "CHAT-3"),
            new Variant("chat", "server", EarlyJoinChatServer.class, "CHAT-3"),
            new Variant("chat", "server", JoinToEveryConnectionChatServer.class, "CHAT-3"),
            new Variant("chat", "server", PrivToAllChatServer.class, "CHAT-5"),
            new Variant("chat", "server", CharCountLimitChatServer.class, "CHAT-8"),
            new Variant("chat", "server", LeaksNickOnBadUtf8ChatServer.class, "CHAT-8"),
            new Variant("chat", "client", WaitsForStdinChatClient.class, "CHAT-12"),
            new Variant("chat", "client", RawOutputChatClient.class, "CHAT-12"),
            new Variant("chat", "client", NoQuitOnEofChatClient.class, "CHAT-11"),
            Variant.python("chat", "server", "chat/check_then_take_server.py", "CHAT-1"),
            Variant.python("chat", "server", "chat/split_words_server.py", "CHAT-4"),
            Variant.python("chat", "server", "chat/recv_once_server.py", "CHAT-8"),
            Variant.python("chat", "server", "chat/chunk_decoding_server.py", "CHAT-8"),
            Variant.python("chat", "server", "chat/unbounded_readline_server.py", "CHAT-8"),
            Variant.python("chat", "server", "chat/direct_send_server.py", "CHAT-9"),
            Variant.python("chat", "client", "chat/exits_after_quit_client.py", "CHAT-11"),
            Variant.python("chat", "client", "chat/strips_input_client.py", "CHAT-11"),
            Variant.python("chat", "client", "chat/crlf_client.py", "CHAT-11"),
            Variant.python("chat", "client", "chat/recv_once_client.py", "CHAT-12"),
            Variant.python("chat", "client", "chat/one_thread_client.py", "CHAT-12"),
            Variant.python("chat", "client", "chat/ignores_refusal_client.py", "CHAT-13"));

    public static final List<Variant> CORRECT = List.of(
            new Variant("chat", "server", CorrectChatServer.class, null),
            new Variant("chat", "client", CorrectChatClient.class, null),
            Variant.python("chat", "server", "chat/classroom_server.py", null),
            Variant.python("chat", "client", "chat/classroom_client.py", null));
}
