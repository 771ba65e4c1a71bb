package io.socketlab.grader.variants.serialization;

import java.io.IOException;

/** Control: the unbroken base report server, which should lose no clause. */
public final class CorrectReportServer extends ReportServerBase {

    public static void main(String[] args) throws IOException {
        new CorrectReportServer().run(args);
    }
}
