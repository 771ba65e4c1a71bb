package io.socketlab.reference.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketlab.reference.LoopbackPair;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The chat's registry and delivery (CHAT-1 to CHAT-7), and the client's display (CHAT-12), without a server. */
class ChatRoomTests {

    @Test
    void membersGetJoinMessagesPrivateLinesAndLeaveInOneOrder() throws IOException {
        try (LoopbackPair ana = LoopbackPair.open(); LoopbackPair bob = LoopbackPair.open()) {
            ChatRoom room = new ChatRoom();
            Outbox toAna = Outbox.start(ana.server);
            Outbox toBob = Outbox.start(bob.server);

            assertThat(room.join("ana", toAna)).isTrue();
            assertThat(room.join("ana", toBob)).as("a nick is taken").isFalse();
            assertThat(room.join("bob", toBob)).isTrue();
            room.broadcast("ana", "hola a todos");
            assertThat(room.sendPrivate("bob", "ana", "psst")).isTrue();
            assertThat(room.sendPrivate("bob", "zoe", "anyone?")).isFalse();
            assertThat(room.who()).isEqualTo("USERS ana bob");
            room.leave("bob");

            finish(toAna, ana);
            finish(toBob, bob);
            assertThat(ana.receiveAll()).isEqualTo("OK ana\nJOIN bob\nPRIV bob psst\nLEAVE bob\n");
            assertThat(bob.receiveAll()).as("no JOIN of its own, no echo of its own lines")
                    .isEqualTo("OK bob\nMSG ana hola a todos\n");
        }
    }

    @Test
    void whoListsNicksInCodePointOrder() throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            ChatRoom room = new ChatRoom();
            Outbox outbox = Outbox.start(pair.server);
            for (String nick : new String[] {"bob", "Zoe", "_x", "9", "-a"}) {
                room.join(nick, outbox);
            }

            assertThat(room.who()).isEqualTo("USERS -a 9 Zoe _x bob");
            finish(outbox, pair);
        }
    }

    @Test
    void theClientShowsEachServerLineForAPerson() {
        assertThat(ChatClient.format("OK ana")).isEqualTo("* connected as ana");
        assertThat(ChatClient.format("MSG ana hola a todos")).isEqualTo("[ana] hola a todos");
        assertThat(ChatClient.format("MSG ana")).isEqualTo("[ana] ");
        assertThat(ChatClient.format("PRIV bob psst")).isEqualTo("[bob] (private) psst");
        assertThat(ChatClient.format("JOIN bob")).isEqualTo("* bob joined");
        assertThat(ChatClient.format("LEAVE bob")).isEqualTo("* bob left");
        assertThat(ChatClient.format("USERS ana bob")).isEqualTo("* users: ana bob");
        assertThat(ChatClient.format("ERR nick-taken")).isEqualTo("! nick-taken");
        assertThat(ChatClient.format("SOMETHING new")).isEqualTo("SOMETHING new");
        assertThat(ChatClient.format("WEIRD")).isEqualTo("WEIRD");
    }

    /** Lets the writer send what is queued, then closes the server end so that the client end reads to the end. */
    private static void finish(Outbox outbox, LoopbackPair pair) throws IOException {
        outbox.finish();
        pair.server.close();
    }
}
