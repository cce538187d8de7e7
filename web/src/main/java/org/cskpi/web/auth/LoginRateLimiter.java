package org.cskpi.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login attempts per key (a client address) in a sliding minute: the first
 * {@code perMinute} attempts in any 60 s pass, the next are refused until the oldest is a
 * minute old. Refused attempts are not counted, so a client that keeps trying gets in again
 * one minute after its last counted attempt. In memory: a restart forgets the counts.
 */
final class LoginRateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int SWEEP_EVERY = 1_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();
    private int untilSweep = SWEEP_EVERY;

    LoginRateLimiter(int perMinute, Clock clock) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("perMinute must be above 0");
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /**
     * Counts one attempt against {@code key} and returns true, or returns false without
     * counting when it already had {@code perMinute} attempts in the last minute.
     */
    synchronized boolean tryAcquire(String key) {
        Instant now = clock.instant();
        sweepOccasionally(now);
        Deque<Instant> times = attempts.get(key);
        if (times != null && recent(times, now) >= perMinute) {
            return false;
        }
        attempts.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
        return true;
    }

    /** Seconds until {@code key} may try again (0 when it may now). */
    synchronized long retryAfterSeconds(String key) {
        Deque<Instant> times = attempts.get(key);
        Instant now = clock.instant();
        if (times == null || recent(times, now) < perMinute) {
            return 0;
        }
        return Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds() + 1);
    }

    private static int recent(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
        return times.size();
    }

    private void sweepOccasionally(Instant now) {
        if (--untilSweep > 0) {
            return;
        }
        untilSweep = SWEEP_EVERY;
        for (Iterator<Deque<Instant>> it = attempts.values().iterator(); it.hasNext(); ) {
            if (recent(it.next(), now) == 0) {
                it.remove();
            }
        }
    }
}
