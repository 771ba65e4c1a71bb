package io.socketlab.reference.udptransfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The datagrams' arithmetic (UT-2) and the retransmission timer (UT-12), without a socket. */
class WireTests {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void aFileIsCutIn1024ByteChunksTheLastOneShorter() {
        assertThat(Wire.chunkCount(0)).isZero();
        assertThat(Wire.chunkCount(1)).isEqualTo(1);
        assertThat(Wire.chunkCount(1024)).isEqualTo(1);
        assertThat(Wire.chunkCount(1500)).isEqualTo(2);
        assertThat(Wire.chunkLength(1500, 0)).isEqualTo(1024);
        assertThat(Wire.chunkLength(1500, 1)).isEqualTo(476);
        assertThat(Wire.chunkCount(Wire.MAX_FILE_BYTES)).isEqualTo(65_536);
        assertThat(Wire.message(Wire.ACK, -1, 4).putInt(7).flip().array())
                .containsExactly(0x12, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 7);
    }

    @Test
    void theTimeoutFollowsTheRoundTripWithinItsBounds() {
        RoundTripEstimator estimator = new RoundTripEstimator();
        assertThat(estimator.timeoutNanos(0)).as("before any sample").isEqualTo(200 * MS);

        estimator.sample(100 * MS); // smoothed 100 ms, deviation 50 ms: 100 + 4 * 50
        assertThat(estimator.timeoutNanos(0)).isEqualTo(300 * MS);

        for (int i = 0; i < 50; i++) {
            estimator.sample(MS / 10); // loopback: microseconds
        }
        assertThat(estimator.timeoutNanos(0)).as("never below its floor").isEqualTo(40 * MS);
        assertThat(estimator.timeoutNanos(500 * MS)).as("a silent server is waited for longer").isEqualTo(500 * MS);
        assertThat(estimator.timeoutNanos(5_000 * MS)).as("but a lost datagram goes again within 1 s")
                .isEqualTo(RoundTripEstimator.MAX_RTO_NANOS);
    }
}
