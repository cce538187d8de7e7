package org.cskpi.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendPacerTest {

    /** A fake monotonic clock that the sleeper moves forward. */
    private long now = 1_000_000_000L;
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper sleeper = duration -> {
        waits.add(duration);
        now += duration.toNanos();
    };

    @Test
    void the_first_send_goes_at_once_and_the_next_ones_evenly_spaced() throws InterruptedException {
        SendPacer pacer = new SendPacer(120, () -> now, sleeper);

        pacer.awaitTurn();
        pacer.awaitTurn();
        pacer.awaitTurn();

        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void time_spent_between_sends_counts_toward_the_wait() throws InterruptedException {
        SendPacer pacer = new SendPacer(60, () -> now, sleeper);

        pacer.awaitTurn();
        now += Duration.ofMillis(700).toNanos();
        pacer.awaitTurn();
        now += Duration.ofSeconds(5).toNanos();
        pacer.awaitTurn();

        assertThat(waits).containsExactly(Duration.ofMillis(300));
    }

    @Test
    void the_rate_is_at_least_one_a_minute() {
        assertThatThrownBy(() -> new SendPacer(0, () -> now, sleeper)).isInstanceOf(IllegalArgumentException.class);
    }
}
