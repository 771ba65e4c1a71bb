package io.socketlab.grader.variants.filetransfer;

import io.socketlab.grader.variants.VariantSupport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/** A file being written: bytes go to {@link #out()}, then exactly one of {@link #commit()} or {@link #discard()}. */
interface Staging {

    OutputStream out();

    /** Makes the bytes visible under the target name. */
    void commit() throws IOException;

    /** Gives up: the target name is left as it was (if the staging is correct). */
    void discard();

    /**
     * Correct staging: a hidden temporary file next to {@code target}, renamed into place atomically;
     * {@code cleanup} receives the temporary file when the upload is discarded.
     */
    static Staging temporary(Path target, Consumer<Path> cleanup) throws IOException {
        Path temp = target.toAbsolutePath().resolveSibling(
                ".part-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        OutputStream out = new BufferedOutputStream(
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
        return new Staging() {
            @Override
            public OutputStream out() {
                return out;
            }

            @Override
            public void commit() throws IOException {
                out.close();
                try (FileChannel file = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    file.force(true); // on disk before the name is, and before OK
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }

            @Override
            public void discard() {
                VariantSupport.closeQuietly(out);
                cleanup.accept(temp);
            }
        };
    }

    /** Broken staging: writes the target itself, so whatever was written stays there on discard. */
    static Staging direct(Path target) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
        return new Staging() {
            @Override
            public OutputStream out() {
                return out;
            }

            @Override
            public void commit() throws IOException {
                out.close();
            }

            @Override
            public void discard() {
                VariantSupport.closeQuietly(out);
            }
        };
    }

    /** The correct cleanup: the temporary file is deleted. */
    static void delete(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            System.err.println("cannot delete " + temp + ": " + e);
        }
    }
}
