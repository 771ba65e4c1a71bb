package io.socketlab.grader.model;

/** A picture a test attaches to its outcome (a udp-stream frame as the receiver wrote it), shown in the HTML report. */
public record Image(Text caption, byte[] png) {
}
