package io.socketlab.grader.variants.udptransfer;

import java.io.IOException;

/** Mistake: answers DONE 1 on a wrong digest but stores the file anyway; must lose UT-6. */
public final class StoresMismatchUdpServer extends UdpServerBase {

    public static void main(String[] args) throws IOException {
        new StoresMismatchUdpServer().run(args);
    }

    @Override
    boolean storesDespiteMismatch() {
        return true;
    }
}
