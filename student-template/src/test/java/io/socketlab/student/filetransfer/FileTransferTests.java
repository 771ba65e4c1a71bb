package io.socketlab.student.filetransfer;

import static io.socketlab.student.Todo.unlessTodo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** file-transfer: the given digest helpers, and how to test a pure function of yours: the name rule (FT-6). */
class FileTransferTests {

    @Test
    void aDigestIsWrittenInLowercaseHex() {
        MessageDigest digest = Content.sha256();
        digest.update("abc".getBytes(StandardCharsets.UTF_8));

        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Content.hex(digest));
    }

    @Test
    void namesAreSafeCharactersNotStartingWithADot() throws Exception {
        boolean plain = unlessTodo("FileStore.isValidName", () -> FileStore.isValidName("report-2026_v2.pdf"));

        assertTrue(plain);
        for (String bad : new String[] {"", ".hidden", "..", "../etc/passwd", "a/b", "a\\b", "x".repeat(256), "é"}) {
            assertFalse(FileStore.isValidName(bad), bad);
        }
    }
}
