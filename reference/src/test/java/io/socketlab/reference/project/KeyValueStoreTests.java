package io.socketlab.reference.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The command language, without any socket. */
class KeyValueStoreTests {

    private final KeyValueStore store = new KeyValueStore();

    @Test
    void storesReadsAndDeletesAValue() {
        assertEquals("OK", store.execute("PUT colour deep blue"));
        assertEquals("VALUE deep blue", store.execute("GET colour"));
        assertEquals("SIZE 1", store.execute("SIZE"));
        assertEquals("OK", store.execute("DEL colour"));
        assertEquals("ERR not-found", store.execute("GET colour"));
        assertEquals("ERR not-found", store.execute("DEL colour"));
    }

    @Test
    void refusesMalformedCommands() {
        assertEquals("ERR usage: PUT <key> <value>", store.execute("PUT lonely"));
        assertEquals("ERR usage: GET <key>", store.execute("GET"));
        assertEquals("ERR usage: DEL <key>", store.execute("DEL a b"));
        assertEquals("ERR unknown-command FLY", store.execute("FLY away"));
    }
}
