package io.socketlab.student.serialization;

import java.net.Socket;
import java.util.logging.Logger;

/** One connection to the report server: a request frame in, a response frame out, until the client leaves. */
final class SerializationSession implements Runnable {

    private static final Logger LOG = Logger.getLogger(SerializationSession.class.getName());

    private static final int IDLE_TIMEOUT_MS = 60_000;

    private final Socket socket;
    private final ReportStore store;

    SerializationSession(Socket socket, ReportStore store) {
        this.socket = socket;
        this.store = store;
    }

    @Override
    public void run() {
        // TODO: narrate the protocol in the log (docs/logging.md): LOG.fine(...) when the connection
        //   opens and closes and at each decision (a refusal, an error answer), LOG.finer(...) per message.
        // TODO: open the socket's streams in try-with-resources (`try (socket; ...)` closes the
        //   socket too): a DataInputStream over a BufferedInputStream, and a BufferedOutputStream.
        //   Call socket.setSoTimeout(IDLE_TIMEOUT_MS) so that a silent client is let go.
        // TODO(SER-1): loop: Frames.read(in) one request (null: the client left, stop), answer it
        //   with exactly one Frames.write(out, ...), in order.
        // TODO(SER-4): decode the body strictly as UTF-8 (StandardCharsets.UTF_8.newDecoder()
        //   .decode(ByteBuffer.wrap(body)) throws CharacterCodingException on invalid UTF-8), then
        //   parse it with ObjectMapper.readTree(text). Either failing, or an empty document, is
        //   {"status":"error","error":"bad-json","message":...}. Consider enabling
        //   DeserializationFeature.FAIL_ON_TRAILING_TOKENS, so that `{} x` is not valid JSON.
        // TODO(SER-4): not an object, or "type" neither "report" nor "list", or Report.from(...)
        //   throwing BadRequestException: the error code bad-request. The connection stays usable.
        // TODO(SER-3): "report": {"status":"ok","id":store.append(report)}.
        // TODO(SER-5): "list": {"status":"ok","reports":[...store.recent()]}.
        // TODO(SER-2): on BadLengthException, send the bad-length error frame, then close. The L
        //   bytes that follow must not be read, and without them there is no telling where the
        //   next frame starts. Before closing, LingeringClose.drain(socket, in): closing with
        //   unread input sends a TCP reset, which can destroy your error frame.
        // TODO(SER-8): catch IOException (a reset, a timeout, a frame cut short: EOFException)
        //   and log it (LOG.fine): it ends this connection only. If store.append fails, close
        //   without answering: ok must always mean stored (SER-6).
        throw new UnsupportedOperationException("not implemented yet: see specs/serialization.md");
    }
}
