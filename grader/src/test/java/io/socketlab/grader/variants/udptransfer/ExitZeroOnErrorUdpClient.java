package io.socketlab.grader.variants.udptransfer;

/** Mistake: prints the ERROR on stderr but exits 0; must lose UT-15. */
public final class ExitZeroOnErrorUdpClient extends UdpClientBase {

    public static void main(String[] args) throws Exception {
        new ExitZeroOnErrorUdpClient().run(args);
    }

    @Override
    void errorReply(byte code) {
        System.err.println("the server refused the file: ERROR " + code);
        System.exit(0);
    }
}
