package io.socketlab.grader.model;

/** How binding a requirement is (RFC 2119); INFO tests measure and are never scored. */
public enum Level {
    MUST, SHOULD, INFO
}
