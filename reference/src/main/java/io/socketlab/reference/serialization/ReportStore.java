package io.socketlab.reference.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketlab.reference.common.LineReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

/** The reports accepted so far: one JSON line each in the store file, the most recent also in memory. */
final class ReportStore {

    /** How many reports a list request returns (SER-5). */
    static final int RECENT = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(ReportStore.class.getName());

    private final FileChannel file;
    private final Deque<ObjectNode> recent = new ArrayDeque<>();
    private long lastId;

    private ReportStore(FileChannel file) {
        this.file = file;
    }

    /**
     * SER-6: opens {@code path}, creating it if needed, and reads the reports stored by earlier runs.
     *
     * @throws IOException when the file cannot be used, or holds a line that is not a stored report
     */
    static ReportStore open(Path path) throws IOException {
        FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            // A server killed in the middle of a write may have left half a line, never acknowledged: drop it,
            // so that the next report starts on a line of its own.
            file.truncate(endOfLastCompleteLine(file));
            ReportStore store = new ReportStore(file);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
                LineReader lines = new LineReader(in, Frames.MAX_LENGTH);
                int number = 1;
                for (byte[] line = lines.readLine(); line != null; line = lines.readLine(), number++) {
                    store.load(line, number);
                }
            }
            // Only this server writes the file, so writing at its end is appending.
            file.position(file.size());
            LOG.info(() -> path + ": ids continue after " + store.lastId);
            return store;
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** The length of {@code file} up to and including its last LF: 0 when it has none. */
    private static long endOfLastCompleteLine(FileChannel file) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(8192);
        for (long end = file.size(); end > 0; ) {
            long start = Math.max(0, end - block.capacity());
            block.clear().limit((int) (end - start));
            while (block.hasRemaining() && file.read(block, start + block.position()) >= 0) {
                // read the whole block
            }
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    /**
     * Stores {@code report} under the next id and returns that id once the line is on disk.
     * Synchronized, so that concurrent clients get distinct ids and whole lines (SER-7).
     */
    synchronized long append(Report report) throws IOException {
        long id = lastId + 1;
        ObjectNode stored = JSON.createObjectNode()
                .put("hostname", report.hostname())
                .put("timestamp", report.timestamp())
                .put("runtime", report.runtime())
                .put("os", report.os())
                .put("id", id)
                .put("received", Instant.now().toString()); // SER-5: RFC 3339, in UTC
        ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(stored) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            file.write(line);
        }
        // SER-6: ok promises that the report survives a crash, so the line (and the file's new
        // length, hence true) must reach the disk before the caller answers.
        file.force(true);
        LOG.finer(() -> "report " + id + " is on disk");
        lastId = id;
        remember(stored);
        return id;
    }

    /** SER-5: the most recent reports, oldest first. */
    synchronized List<ObjectNode> recent() {
        return List.copyOf(recent);
    }

    /** Takes in one stored report; any other line means the file is not this server's store (SER-6). */
    private void load(byte[] line, int number) throws IOException {
        JsonNode stored;
        try {
            stored = JSON.readTree(line);
        } catch (IOException e) {
            stored = null;
        }
        if (stored == null || !stored.isObject() || !stored.path("id").canConvertToLong()) {
            throw new IOException("line " + number + " is not a stored report");
        }
        lastId = Math.max(lastId, stored.get("id").asLong());
        remember((ObjectNode) stored);
    }

    private void remember(ObjectNode stored) {
        recent.addLast(stored);
        if (recent.size() > RECENT) {
            recent.removeFirst();
        }
    }
}
