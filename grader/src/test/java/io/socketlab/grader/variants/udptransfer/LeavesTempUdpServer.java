package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;

/** Mistake: on a digest mismatch answers DONE 1 but leaves its temporary file in DIR; must lose UT-6. */
public final class LeavesTempUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new LeavesTempUdpServer().run(args);
    }

    @Override
    boolean deletesOnMismatch() {
        return false;
    }
}
