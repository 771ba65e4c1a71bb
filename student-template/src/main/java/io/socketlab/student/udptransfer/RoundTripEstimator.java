package io.socketlab.student.udptransfer;

import java.util.concurrent.TimeUnit;

/**
 * The retransmission timeout of RFC 6298: a smoothed round-trip time plus four deviations, learnt
 * from chunks acknowledged after their first sending only (Karn's rule: an ACK of a resent chunk
 * could answer either sending).
 */
final class RoundTripEstimator {

    private static final long INITIAL_RTO_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** Loopback answers in microseconds, but a loaded machine pauses for milliseconds: resending then would be waste. */
    private static final long MIN_RTO_NANOS = TimeUnit.MILLISECONDS.toNanos(40);
    /** UT-12: however bad things look, a lost datagram is sent again within a second. */
    static final long MAX_RTO_NANOS = TimeUnit.SECONDS.toNanos(1);

    private long smoothedNanos = -1;
    private long deviationNanos;

    /** Learns from one round trip of {@code nanos}. */
    void sample(long nanos) {
        if (smoothedNanos < 0) {
            smoothedNanos = nanos;
            deviationNanos = nanos / 2;
        } else {
            deviationNanos += (Math.abs(smoothedNanos - nanos) - deviationNanos) / 4;
            smoothedNanos += (nanos - smoothedNanos) / 8;
        }
    }

    /**
     * How long to wait for the answer to a datagram, given that the server has already been silent
     * for {@code silenceNanos}. Losses on a lively link are independent, so a lost chunk is resent
     * after one RTO, however often it was lost before; but the longer the server says nothing at
     * all, the longer the wait, so that a client does not hammer a server that is down.
     */
    long timeoutNanos(long silenceNanos) {
        long rto = smoothedNanos < 0 ? INITIAL_RTO_NANOS
                : Math.max(MIN_RTO_NANOS, smoothedNanos + 4 * deviationNanos);
        return Math.min(MAX_RTO_NANOS, Math.max(rto, silenceNanos));
    }
}
