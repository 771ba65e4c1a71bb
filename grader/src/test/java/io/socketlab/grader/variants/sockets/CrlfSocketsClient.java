package io.socketlab.grader.variants.sockets;

/** Mistake: ends the lines it sends with CR LF, although senders end lines with LF alone; must lose SOCK-9. */
public final class CrlfSocketsClient extends SocketsClientBase {

    public static void main(String[] args) {
        new CrlfSocketsClient().run(args);
    }

    @Override
    String lineEnd() {
        return "\r\n";
    }
}
