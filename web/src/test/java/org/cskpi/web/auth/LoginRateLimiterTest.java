package org.cskpi.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.cskpi.web.MutableClock;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final LoginRateLimiter limiter = new LoginRateLimiter(10, clock);

    @Test
    void the_eleventh_attempt_within_a_minute_is_refused() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("ip:1")).as("attempt %d", i + 1).isTrue();
            clock.advance(Duration.ofSeconds(5));
        }
        // attempts at 0, 5, ..., 45 s; now 50 s: the 11th
        assertThat(limiter.tryAcquire("ip:1")).isFalse();
        assertThat(limiter.retryAfterSeconds("ip:1")).isEqualTo(11);
        // at 60 s the first attempt (0 s) has left the window: [0 s, 60 s] holds 0 s no more
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire("ip:1")).isTrue();
        assertThat(limiter.tryAcquire("ip:1")).as("5 s attempt still inside the window").isFalse();
    }

    @Test
    void each_key_has_its_own_minute() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("ip:1")).isTrue();
        }
        assertThat(limiter.tryAcquire("ip:1")).isFalse();
        assertThat(limiter.tryAcquire("ip:2")).isTrue();
    }
}
