package org.cskpi.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cskpi.web.MutableClock;
import org.junit.jupiter.api.Test;

class FailureBackoffTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final FailureBackoff backoff = new FailureBackoff(2, clock);

    private void fail(String key, int times) {
        for (int i = 0; i < times; i++) {
            backoff.fail(key);
        }
    }

    @Test
    void after_the_free_failures_each_one_doubles_the_wait_up_to_fifteen_minutes() {
        fail("k", 2);
        assertThat(backoff.waitSeconds("k")).isZero();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            backoff.fail("k");
            long wait = backoff.waitSeconds("k");
            waits.add(wait);
            clock.advance(Duration.ofSeconds(wait));
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L);
        assertThat(backoff.waitSeconds("k")).as("the wait is over").isZero();
    }

    @Test
    void the_wait_counts_from_the_latest_failure_in_whole_seconds_rounded_up() {
        fail("k", 4);
        clock.advance(Duration.ofMillis(300));
        assertThat(backoff.waitSeconds("k")).as("1.7 s left of 2 s").isEqualTo(2);
        clock.advance(Duration.ofMillis(1_700));
        assertThat(backoff.waitSeconds("k")).isZero();
    }

    @Test
    void the_count_drains_by_one_every_ten_minutes_without_failures() {
        fail("k", 4);
        clock.advance(Duration.ofMinutes(20));
        backoff.fail("k");
        assertThat(backoff.waitSeconds("k")).as("4 - 2 drained + 1 = 3 failures, one over the free 2").isEqualTo(1);
    }

    @Test
    void keys_are_independent_and_can_be_forgiven_one_failure_or_cleared() {
        fail("a", 3);
        assertThat(backoff.waitSeconds("a")).isEqualTo(1);
        assertThat(backoff.waitSeconds("b")).isZero();
        backoff.forgiveOne("a");
        assertThat(backoff.waitSeconds("a")).as("back to 2 failures").isZero();
        backoff.fail("a");
        backoff.clear("a");
        fail("a", 2);
        assertThat(backoff.waitSeconds("a")).as("cleared: the free failures again").isZero();
    }
}
