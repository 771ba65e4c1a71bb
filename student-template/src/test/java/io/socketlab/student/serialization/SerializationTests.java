package io.socketlab.student.serialization;

import static io.socketlab.student.Todo.unlessTodo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import org.junit.jupiter.api.Test;

/** serialization: the given limit, and how to test your Frames.read on bytes that arrive one at a time. */
class SerializationTests {

    @Test
    void aBadLengthSaysWhichLengthsAreAllowed() {
        String message = new Frames.BadLengthException(0).getMessage();

        assertTrue(message.contains("from 1 to " + (1 << 20)) && message.endsWith("not 0"), message);
    }

    @Test
    void framesAreReadWholeFromBytesThatArriveOneAtATime() throws Exception {
        DataInputStream in = new DataInputStream(oneByteAtATime(new byte[] {0, 0, 0, 2, '{', '}', 0, 0, 0, 0}));

        byte[] first = unlessTodo("Frames.read", () -> Frames.read(in));

        assertArrayEquals(new byte[] {'{', '}'}, first);
        assertThrows(Frames.BadLengthException.class, () -> Frames.read(in)); // a length of 0 (SER-2)
        assertNull(Frames.read(new DataInputStream(new ByteArrayInputStream(new byte[0]))));
    }

    /** A stream that gives at most one byte per read, as a peer sending one byte per TCP segment would. */
    private static ByteArrayInputStream oneByteAtATime(byte[] data) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
    }
}
