package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;

/** Mistake: appends each new chunk in arrival order (right only when nothing is reordered); must lose UT-4. */
public final class ArrivalOrderUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new ArrivalOrderUdpServer().run(args);
    }

    @Override
    void write(Transfer t, long seq, byte[] bytes) throws IOException {
        if (!t.received.get((int) seq)) {
            t.file.seek(t.appended);
            t.file.write(bytes);
            t.appended += bytes.length;
            t.received.set((int) seq);
        }
    }
}
