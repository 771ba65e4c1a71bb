package io.socketlab.grader.variants.sockets;

import java.util.List;

/** Mistake: with no MESSAGE arguments it ignores stdin and sends only BYE; must lose SOCK-10. */
public final class IgnoresStdinSocketsClient extends SocketsClientBase {

    public static void main(String[] args) {
        new IgnoresStdinSocketsClient().run(args);
    }

    @Override
    MessageSource messages(List<String> arguments) {
        return fromArguments(arguments);
    }
}
