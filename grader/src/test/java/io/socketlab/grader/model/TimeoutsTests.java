package io.socketlab.grader.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeoutsTests {

    @Test
    void theDefaultScaleLeavesDurationsAsTheyAre() {
        assertThat(Timeouts.DEFAULT.scaled(Duration.ofMillis(1234))).isEqualTo(Duration.ofMillis(1234));
        assertThat(Timeouts.DEFAULT.seconds(5)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aScaleMultipliesEveryDuration() {
        Timeouts slowMachine = new Timeouts(2.5);

        assertThat(slowMachine.scaled(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(5));
        assertThat(slowMachine.seconds(0.4)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void aScaleBelowOneShortensDurations() {
        assertThat(new Timeouts(0.5).seconds(3)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void theLargestAcceptedScaleIsOneHundred() {
        assertThat(new Timeouts(100).seconds(1)).isEqualTo(Duration.ofSeconds(100));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, 100.5, Double.NaN, Double.POSITIVE_INFINITY})
    void aScaleOutsideTheAcceptedRangeIsRejectedWithItsValue(double scale) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Timeouts(scale))
                .withMessageContaining("timeout scale must be in (0, 100]")
                .withMessageContaining(String.valueOf(scale));
    }
}
