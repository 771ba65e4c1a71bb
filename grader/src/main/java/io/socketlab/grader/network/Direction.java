package io.socketlab.grader.network;

/** Which way a datagram travels through the relay. */
public enum Direction {
    /** From a client to the upstream server. */
    TO_SERVER("to server"),
    /** From the upstream server back to a client. */
    TO_CLIENT("to client");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
