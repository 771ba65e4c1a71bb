package io.socketlab.grader.variants.serialization;

/** Control: the unbroken base report client, which should lose no clause. */
public final class CorrectReportClient extends ReportClientBase {

    public static void main(String[] args) {
        new CorrectReportClient().run(args);
    }
}
