package io.socketlab.grader.variants.http;

/** Prints the body with {@code println}, as {@code print(body.decode())} does: a newline is added (HTTP-19). */
public final class PrintlnBodyHttpClient extends HttpClientBase {

    @Override
    byte[] afterBody() {
        return new byte[] {'\n'};
    }

    public static void main(String[] args) throws Exception {
        new PrintlnBodyHttpClient().run(args);
    }
}
