package org.cskpi.web.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void a_client_may_burst_its_minute_then_gets_one_request_per_refill_interval() {
        RateLimiter limiter = new RateLimiter(60, nanos::get); // 60/min: one token per second
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1")).as("request %d", i).isTrue();
        }
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        nanos.addAndGet(999_000_000L);
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        nanos.addAndGet(1_000_000L);
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
    }

    @Test
    void clients_have_separate_buckets() {
        RateLimiter limiter = new RateLimiter(2, nanos::get);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).isTrue();
    }

    @Test
    void an_idle_minute_refills_the_bucket_but_never_beyond_its_size() {
        RateLimiter limiter = new RateLimiter(3, nanos::get);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        nanos.addAndGet(3_600_000_000_000L); // an hour
        int allowed = 0;
        while (limiter.tryAcquire("a")) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(3);
        assertThat(limiter.secondsUntilNext()).isEqualTo(20);
    }

    @Test
    void full_buckets_are_forgotten_when_many_clients_were_seen() {
        RateLimiter limiter = new RateLimiter(10, nanos::get);
        for (int i = 0; i <= RateLimiter.MAX_TRACKED; i++) {
            limiter.tryAcquire("client-" + i);
        }
        nanos.addAndGet(60_000_000_000L);
        limiter.tryAcquire("late");
        assertThat(limiter.tracked()).isLessThan(10);
    }

    @Test
    void rate_must_be_positive() {
        assertThatThrownBy(() -> new RateLimiter(0, nanos::get)).hasMessageContaining("above 0");
    }
}
