package io.socketlab.reference.http;

/** A request this server refuses: the error status to answer it with, and why (for the log). */
final class HttpError extends Exception {

    private final Status status;

    HttpError(Status status, String why) {
        super(why, null, false, false); // no stack trace: this is an answer, not a bug
        this.status = status;
    }

    Status status() {
        return status;
    }
}
