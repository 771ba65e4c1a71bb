package io.socketlab.student.serialization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

/** The reports accepted so far: one JSON line each in the store file, the most recent also in memory. */
final class ReportStore {

    private static final Logger LOG = Logger.getLogger(ReportStore.class.getName());

    /** How many reports a list request returns (SER-5). */
    static final int RECENT = 100;

    private ReportStore() {
    }

    /** SER-6: opens {@code path}, creating it if needed, and reads the reports stored by earlier runs. */
    static ReportStore open(Path path) throws IOException {
        // TODO(SER-6): open the file for appending, creating it if it does not exist
        //   (FileChannel.open(path, CREATE, WRITE, ...) and position it at the end, or a
        //   FileOutputStream(file, true)). Keep it open for the life of the server.
        // TODO(SER-6): read every line already in the file (a LineReader over a
        //   BufferedInputStream of Files.newInputStream(path) works), parse each with an
        //   ObjectMapper, and remember the highest id, so that ids continue after a restart,
        //   and the last RECENT reports, for list. Skip (and report on stderr) a damaged line:
        //   a server killed in the middle of a write may have left half of one.
        throw new UnsupportedOperationException("not implemented yet: see specs/serialization.md");
    }

    /**
     * Stores {@code report} under the next id and returns that id once the line is on disk.
     * Synchronized, so that concurrent clients get distinct ids and whole lines (SER-7).
     */
    synchronized long append(Report report) throws IOException {
        // TODO(SER-3): the next id is the last one plus 1 (the first is 1).
        // TODO(SER-5, SER-6): build the stored object: hostname, timestamp, runtime, os, id and
        //   received (Instant.now().toString() is RFC 3339), and write it as ONE line of compact
        //   JSON (ObjectMapper.writeValueAsString, then "\n"), in UTF-8.
        // TODO(SER-6): make it durable BEFORE returning, since the caller then answers ok:
        //   FileChannel.force(true) (or FileOutputStream.getFD().sync()). flush() alone only
        //   hands the bytes to the operating system, which a crash can still lose.
        // TODO(SER-5): remember it among the last RECENT reports.
        throw new UnsupportedOperationException("not implemented yet: see specs/serialization.md");
    }

    /** SER-5: the most recent reports, oldest first. */
    synchronized List<ObjectNode> recent() {
        // TODO(SER-5): a copy (List.copyOf) of the last RECENT stored reports, oldest first.
        throw new UnsupportedOperationException("not implemented yet: see specs/serialization.md");
    }
}
