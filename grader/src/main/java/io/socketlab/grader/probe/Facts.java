package io.socketlab.grader.probe;

import io.socketlab.grader.model.ConformanceFailure;
import io.socketlab.grader.model.Text;
import java.time.Duration;

/**
 * The words of the probe language, in English and Spanish: what a step was, what was expected, what came back. Every
 * failure the language throws takes its facts from here, so a report in either language reads the same way and a
 * suite needs no prose of its own for the common cases.
 */
public final class Facts {

    private Facts() {
    }

    /** Who is at the other end of a connection, seen from the grader. */
    public enum Peer {
        /** The grader connected to a server under test. */
        SERVER(Text.of("the server", "el servidor")),
        /** A client under test connected to a fake server of the grader. */
        CLIENT(Text.of("the client", "el cliente"));

        private final Text name;

        Peer(Text name) {
            this.name = name;
        }

        public Text named() {
            return name;
        }
    }

    // ---- steps ----

    /** Before anything was sent: "what the server sends first". */
    static Text firstFrom(Peer peer) {
        return Text.format("what %s sends first", "lo primero que envía %s", peer.name);
    }

    /** "the server's reply to "hello\n"" / "what the client sends after "HELLO x\n"". */
    static Text replyTo(Peer peer, Text sent) {
        return peer == Peer.SERVER
                ? Text.format("the server's reply to %s", "la respuesta del servidor a %s", sent)
                : Text.format("what the client sends after %s", "lo que envía el cliente tras %s", sent);
    }

    /**
     * "the server closing the connection, after "BYE\n"": the end of what a server sends, or of what a client sends
     * (a client half-closes, shutting down its output, or closes).
     */
    static Text closeAfter(Peer peer, Text sent) {
        Text close = peer == Peer.SERVER
                ? Text.of("the server closing the connection", "el cierre de la conexión por el servidor")
                : Text.of("the client's half-close (shutdown of its output) or close",
                "el cierre de escritura (shutdown de la salida) o el cierre del cliente");
        return sent == null ? close : close.plus(Text.format(", after %s", ", tras %s", sent));
    }

    /** "nothing more from the server for 0.5 s, after "BYE\n"". */
    static Text silenceAfter(Peer peer, Text sent, Duration quiet) {
        Text silence = Text.format("nothing more from %s for %s", "nada más de %s durante %s", peer.name,
                ConformanceFailure.seconds(quiet));
        return sent == null ? silence : silence.plus(Text.format(", after %s", ", tras %s", sent));
    }

    static Text connecting() {
        return Text.of("connecting to the server", "conectando con el servidor");
    }

    /** What was sent, as a step names it: the bytes quoted when short, else their size. */
    static Text sent(byte[] bytes) {
        boolean line = bytes.length > 0 && bytes[bytes.length - 1] == '\n';
        if (bytes.length <= 42) {
            return Text.same(Bytes.render(bytes));
        }
        if (!line) {
            return Text.same(Bytes.size(bytes.length));
        }
        boolean crlf = bytes.length > 1 && bytes[bytes.length - 2] == '\r';
        return Text.format("a line of %d bytes (and its %s)", "una línea de %d bytes (y su %s)",
                bytes.length - (crlf ? 2 : 1), crlf ? "\\r\\n" : "\\n");
    }

    // ---- expectations ----

    static Text aLine() {
        return Text.of("a line ending in \\n", "una línea terminada en \\n");
    }

    static Text aLineEndingInLfAlone() {
        return Text.of("a line ending in \\n alone (lines end with LF, not CR LF)",
                "una línea terminada solo en \\n (las líneas terminan en LF, no en CR LF)");
    }

    static Text aLineOrClose() {
        return Text.of("a line ending in \\n, or a close", "una línea terminada en \\n, o un cierre");
    }

    /** A quoted value, the same in both languages: data, not prose. */
    public static Text quoted(String value) {
        return Text.same(Bytes.quote(value));
    }

    /** Bytes as data: quoted text or hex, with their count when long. */
    public static Text bytes(byte[] value) {
        return Text.same(Bytes.render(value));
    }

    static Text theConnectionClosed() {
        return Text.of("the connection closed", "que se cierre la conexión");
    }

    static Text nothingMore() {
        return Text.of("nothing more", "nada más");
    }

    static Text nothingYet(Text why) {
        return Text.format("nothing yet (%s)", "nada todavía (%s)", why);
    }

    static Text atMostThenClose(int max) {
        return Text.format("at most %d bytes, then a close", "como mucho %d bytes y luego un cierre", max);
    }

    static Text aConnectionOn(int port) {
        return Text.format("a connection accepted on port %d", "una conexión aceptada en el puerto %d", port);
    }

    static Text unchanged(Payload payload) {
        return Text.format("%s, unchanged and in order", "%s, sin cambios y en orden", payload.description());
    }

    static Text moreDataOrHalfClose() {
        return Text.of("more data, or a half-close (shutdown of output)",
                "más datos, o un cierre de escritura (shutdown de la salida)");
    }

    static Text answersWhileSending() {
        return Text.of("answers arriving while the grader is still sending",
                "respuestas que llegan mientras el evaluador aún está enviando");
    }

    static Text allSent(Payload payload) {
        return Text.format("all of %s sent", "todo %s enviado", payload.description());
    }

    // ---- what came back ----

    static Text bytesCount(long count) {
        return Text.format("%d bytes", "%d bytes", count);
    }

    static Text onlyWithin(Text soFar, Duration within) {
        return Text.format("only %s within %s", "solo %s en %s", soFar, ConformanceFailure.seconds(within));
    }

    static Text withoutLfWithin(byte[] partial, Duration within) {
        return Text.format("%s without \\n within %s", "%s sin \\n en %s", Bytes.render(partial),
                ConformanceFailure.seconds(within));
    }

    static Text moreThanWithoutLf(int max) {
        return Text.format("more than %d bytes without \\n", "más de %d bytes sin \\n", max);
    }

    static Text moreData(byte[] extra) {
        return Text.format("more data: %s", "más datos: %s", Bytes.render(extra));
    }

    static Text moreThan(int max) {
        return Text.format("more than %d bytes", "más de %d bytes", max);
    }

    static Text connectionFailed(String why) {
        return Text.format("connection failed: %s", "la conexión falló: %s", why);
    }

    static Text ofTotal(long count, long total) {
        return Text.format("%d of %d bytes", "%d de %d bytes", count, total);
    }

    static Text sendingStopped(long sent, long total, String why) {
        return Text.format("sending stopped after %d of %d bytes: %s",
                "el envío se detuvo tras %d de %d bytes: %s", sent, total, why);
    }

    static Text peerStoppedReading(Peer peer, long sent, long total, Duration within) {
        return Text.format("only %d of %d bytes could be sent within %s: %s stopped reading",
                "solo se pudieron enviar %d de %d bytes en %s: %s dejó de leer", sent, total,
                ConformanceFailure.seconds(within), peer.name);
    }

    static Text nothingBackUntilAllSent(Payload payload) {
        return Text.format("nothing came back until all of %s had been sent",
                "no volvió nada hasta haber enviado todo %s", payload.description());
    }

    // ---- UDP ----

    static Text replyToDatagram(int size) {
        return Text.format("the reply to a datagram of %d bytes", "la respuesta a un datagrama de %d bytes", size);
    }

    static Text oneDatagramBack(int sends) {
        return Text.format("one datagram back (sent %d times)", "un datagrama de vuelta (enviado %d veces)", sends);
    }

    static Text theSameDatagram(int size) {
        return Text.format("one datagram of %d bytes, identical", "un datagrama de %d bytes, idéntico", size);
    }

    static Text aDatagramOf(int size, Text difference) {
        return Text.format("a datagram of %d bytes: %s", "un datagrama de %d bytes: %s", size, difference);
    }
}
