package io.socketlab.reference.http;

import io.socketlab.reference.common.LingeringClose;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;

/** One connection to the HTTP server: requests answered one after the other until either side closes. */
final class HttpConnection implements Runnable {

    /** HTTP-16: a request head must be complete within this time, also between keep-alive requests. */
    static final int HEAD_TIMEOUT_MS = 10_000;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(HttpConnection.class.getName());

    private final Socket socket;
    private final String peer; // for the log: which client a record is about
    private final DocumentRoot root;

    HttpConnection(Socket socket, DocumentRoot root) {
        this.socket = socket;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
        this.root = root;
    }

    @Override
    public void run() {
        try (socket; OutputStream out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES)) {
            ConnectionInput input = new ConnectionInput(socket, out, HEAD_TIMEOUT_MS);
            LOG.fine(() -> peer + ": connection opened");
            ByteBuffer fileBuffer = ByteBuffer.allocate(BUFFER_BYTES); // one per connection, not per request
            boolean keepAlive = true;
            while (keepAlive) { // HTTP-9, HTTP-10: request after request, in order
                input.startDeadline(HEAD_TIMEOUT_MS);
                RequestHead request;
                try {
                    request = RequestParser.read(input);
                } catch (HttpError e) {
                    // HTTP-11 to HTTP-13: answer, then close: what follows cannot be trusted.
                    LOG.fine(() -> peer + ": " + e.status() + " (" + e.getMessage() + "), then close");
                    sendPage(out, new Response(e.status()), false, "close");
                    break;
                }
                if (request == null) {
                    LOG.fine(() -> peer + ": the client closed the connection");
                    return; // between requests
                }
                input.clearDeadline();
                keepAlive = respond(request, out, fileBuffer);
                if (keepAlive) {
                    input.skip(RequestParser.contentLength(request)); // HTTP-7: bodies are discarded
                }
            }
            out.flush();
            LingeringClose.drain(socket, socket.getInputStream());
            LOG.fine(() -> peer + ": connection closed");
        } catch (SocketTimeoutException e) {
            // HTTP-16: silent for too long, or a head trickling in too slowly: just close.
            LOG.fine(() -> peer + ": no complete request head within " + HEAD_TIMEOUT_MS / 1000 + " s: close");
        } catch (EOFException e) {
            LOG.fine(() -> peer + ": the client left in the middle of a request"); // nobody to answer
        } catch (IOException e) {
            LOG.fine(() -> peer + ": connection lost: " + e.getMessage());
        }
    }

    /** Answers one request; returns whether the connection stays open for another. */
    private boolean respond(RequestHead request, OutputStream out, ByteBuffer fileBuffer) throws IOException {
        boolean head = request.method.equals("HEAD");
        // A chunked request body is not read by this server: answer, then close instead.
        boolean keepAlive = request.wantsKeepAlive() && request.value("Transfer-Encoding") == null;
        Response response;
        if (!head && !request.method.equals("GET")) {
            response = new Response(Status.METHOD_NOT_ALLOWED).header("Allow", "GET, HEAD"); // HTTP-7
        } else {
            try {
                DocumentRoot.Resolution resolution = root.resolve(request.target);
                if (resolution.redirect() == null) {
                    sendFile(request, resolution, out, fileBuffer, head, connectionField(request, keepAlive));
                    return keepAlive;
                }
                response = new Response(Status.MOVED_PERMANENTLY).header("Location", resolution.redirect()); // HTTP-6
            } catch (HttpError e) {
                keepAlive &= !e.status().endsConnection();
                response = new Response(e.status());
            }
        }
        Status status = response.status();
        LOG.fine(() -> peer + ": " + request.method + " " + request.target + ": " + status);
        sendPage(out, response, head, connectionField(request, keepAlive));
        return keepAlive;
    }

    /** HTTP-1 to HTTP-5, HTTP-8: the file's head, then (for GET) exactly its bytes. */
    private void sendFile(RequestHead request, DocumentRoot.Resolution resolution, OutputStream out,
            ByteBuffer fileBuffer, boolean head, String connection) throws IOException, HttpError {
        FileChannel file;
        try {
            file = FileChannel.open(resolution.file());
        } catch (AccessDeniedException e) {
            throw new HttpError(Status.FORBIDDEN, "cannot read " + resolution.file());
        }
        try (file) {
            // Size and content from the one open file, so that Content-Length matches what is sent.
            long size = file.size();
            Instant modified = resolution.attributes().lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
            Response response = notModifiedSince(request, modified)
                    ? new Response(Status.NOT_MODIFIED)
                    : new Response(Status.OK).header("Content-Type", MimeTypes.of(resolution.file().getFileName().toString()));
            response.header("Content-Length", size).header("Last-Modified", HttpDates.format(modified));
            LOG.fine(() -> peer + ": " + request.method + " " + request.target + ": " + response.status() + ", "
                    + size + " bytes");
            if (connection != null) {
                response.header("Connection", connection);
            }
            response.writeTo(out);
            if (!head && response.status() == Status.OK) {
                copy(file, size, out, fileBuffer);
            }
        }
    }

    /** HTTP-8: a valid {@code If-Modified-Since} no earlier than the file's time means 304. */
    private static boolean notModifiedSince(RequestHead request, Instant modified) {
        String since = request.value("If-Modified-Since");
        Instant date = since == null ? null : HttpDates.parse(since);
        return date != null && !modified.isAfter(date);
    }

    /** HTTP-2: streams {@code size} bytes through one fixed buffer, whatever the file's size. */
    private static void copy(FileChannel file, long size, OutputStream out, ByteBuffer buffer) throws IOException {
        long left = size;
        while (left > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), left));
            int n = file.read(buffer);
            if (n < 0) {
                // The file shrank while we sent it: the Content-Length can no longer be kept.
                throw new IOException("file shrank while being sent");
            }
            out.write(buffer.array(), 0, n);
            left -= n;
        }
    }

    /** HTTP-17: a status without a file (an error, a redirect) and its short HTML page; HEAD gets the head only. */
    private static void sendPage(OutputStream out, Response response, boolean head, String connection)
            throws IOException {
        byte[] page = Response.errorPage(response.status());
        response.header("Content-Type", MimeTypes.HTML).header("Content-Length", page.length);
        if (connection != null) {
            response.header("Connection", connection);
        }
        response.writeTo(out);
        if (!head) {
            out.write(page);
        }
    }

    /**
     * HTTP-9: the {@code Connection} field of a response: {@code close} when this server will close,
     * {@code keep-alive} when an HTTP/1.0 client asked for it and gets it, otherwise none.
     */
    private static String connectionField(RequestHead request, boolean keepAlive) {
        if (!keepAlive) {
            return "close";
        }
        return request.minorVersion == 0 ? "keep-alive" : null;
    }
}
