package io.socketlab.student.http;

import java.net.Socket;
import java.util.logging.Logger;

/** One connection to the HTTP server: requests answered one after the other until either side closes. */
final class HttpConnection implements Runnable {

    private static final Logger LOG = Logger.getLogger(HttpConnection.class.getName());

    /** HTTP-16: a request head must be complete within this time, also between keep-alive requests. */
    static final int HEAD_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final DocumentRoot root;

    HttpConnection(Socket socket, DocumentRoot root) {
        this.socket = socket;
        this.root = root;
    }

    @Override
    public void run() {
        // TODO: narrate the protocol in the log (docs/logging.md): LOG.fine(...) when the connection
        //   opens and closes and at each decision (a refusal, an error answer), LOG.finer(...) per message.
        // TODO: open the socket's output in try-with-resources (`try (socket; ...)` closes the
        //   socket too), as a BufferedOutputStream, and ONE ConnectionInput(socket, out,
        //   HEAD_TIMEOUT_MS) for every request of the connection (pipelined requests may arrive in
        //   one segment, HTTP-10): it flushes your responses whenever it has to wait for the client.
        // TODO(HTTP-16): input.startDeadline(HEAD_TIMEOUT_MS) before each head, and
        //   input.clearDeadline() once it is read.
        // TODO(HTTP-9): loop: RequestParser.read(input); null means the client closed. On HttpError,
        //   answer its status with "Connection: close" and close.
        // TODO(HTTP-7): a method other than GET and HEAD is 405 with "Allow: GET, HEAD". After the
        //   response, input.skip(RequestParser.contentLength(request)): bodies are discarded.
        // TODO(HTTP-6): root.resolve(request.target): a redirect is 301 with Location; an
        //   HttpError is its status (HTTP-17: with Response.errorPage and Content-Type text/html).
        // TODO(HTTP-1 to HTTP-5, HTTP-8): a file: 200 (or 304 for a valid If-Modified-Since no
        //   earlier than Last-Modified, in whole seconds) with Content-Type (MimeTypes),
        //   Content-Length (the size in BYTES), Last-Modified; then, for GET only, the bytes
        //   streamed through a fixed buffer (a 64 MiB file must not be read into memory).
        // TODO(HTTP-9): "Connection: close" when you will close (the client asked, or HTTP/1.0
        //   without keep-alive); then flush, LingeringClose.drain(socket, socket.getInputStream())
        //   and close.
        throw new UnsupportedOperationException("not implemented yet: see specs/http.md");
    }
}
