package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;

/** Mistake: appends every valid DATA, duplicates included, instead of writing at seq*1024; must lose UT-4. */
public final class AppendingUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new AppendingUdpServer().run(args);
    }

    @Override
    void write(Transfer t, long seq, byte[] bytes) throws IOException {
        t.file.seek(t.appended);
        t.file.write(bytes);
        t.appended += bytes.length;
        t.received.set((int) seq);
    }

    @Override
    void finish(Transfer t, byte[] digest) throws IOException {
        t.file.setLength(t.appended);
        super.finish(t, digest);
    }
}
