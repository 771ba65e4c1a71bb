package io.socketlab.grader.variants.http;

/** Does not decode chunked bodies: prints the chunk sizes and CRLFs with the data (HTTP-21). */
public final class RawChunkedHttpClient extends HttpClientBase {

    @Override
    boolean decodesChunked() {
        return false;
    }

    public static void main(String[] args) throws Exception {
        new RawChunkedHttpClient().run(args);
    }
}
