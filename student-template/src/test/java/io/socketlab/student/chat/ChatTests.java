package io.socketlab.student.chat;

import static io.socketlab.student.Todo.unlessTodo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.student.common.Args;
import io.socketlab.student.common.Failure;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** chat: the given command line, and how to test a pure function of yours: the client's display (CHAT-12). */
class ChatTests {

    @Test
    void theClientNeedsANick() throws Failure {
        Args args = Args.parse("ChatClient --host H --port N --nick NICK", new String[] {"--port", "7"},
                Set.of("--host", "--port", "--nick"), Set.of());

        Failure failure = assertThrows(Failure.class, () -> args.requiredValue("--nick"));

        assertEquals(Failure.USAGE, failure.exitCode());
        assertTrue(failure.getMessage().contains("--nick is required"), failure.getMessage());
    }

    @Test
    void eachServerLineIsShownForAPerson() throws Exception {
        String message = unlessTodo("ChatClient.format", () -> ChatClient.format("MSG ana hola a todos"));

        assertEquals("[ana] hola a todos", message);
        assertEquals("[bob] (private) psst", ChatClient.format("PRIV bob psst"));
        assertEquals("* bob joined", ChatClient.format("JOIN bob"));
        assertEquals("! nick-taken", ChatClient.format("ERR nick-taken"));
        assertEquals("SOMETHING new", ChatClient.format("SOMETHING new"));
    }
}
