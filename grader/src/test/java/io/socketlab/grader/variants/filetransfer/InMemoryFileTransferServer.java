package io.socketlab.grader.variants.filetransfer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Mistake: reads each upload whole into a byte array before writing it, so (capped at 64 MiB to
 * spare the heap) a large upload gets {@code ERR too-large} although it is within --max-size;
 * must lose FT-1.
 */
public final class InMemoryFileTransferServer extends FileTransferServerBase {

    private static final long BUFFER_CAP = 64L << 20;

    public static void main(String[] args) throws IOException {
        new InMemoryFileTransferServer().run(args);
    }

    @Override
    void receive(InputStream in, OutputStream file, long size) throws IOException {
        if (size > BUFFER_CAP) {
            throw new Refusal("too-large", true); // what an OutOfMemoryError would have ended anyway
        }
        byte[] content = in.readNBytes((int) size);
        if (content.length < size) {
            throw new EOFException("the client left mid-upload");
        }
        file.write(content);
    }
}
