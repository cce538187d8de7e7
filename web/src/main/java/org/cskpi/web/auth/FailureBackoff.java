package org.cskpi.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing delays per key after failed sign-ins. Each failure adds one to the key's count; the
 * first {@code freeFailures} cost nothing, after that the key must wait 1 s after its latest
 * failure, then 2 s, 4 s, ... at most {@link #MAX_DELAY}. The count drains by one every
 * {@link #DRAIN} without failures, so a shared address with an occasional typo never builds up
 * to long waits, while a guesser who keeps at it averages at most about one guess per {@code DRAIN}.
 * In memory: a restart forgets the counts.
 */
final class FailureBackoff {

    private static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final Duration DRAIN = Duration.ofMinutes(10);
    private static final int SWEEP_EVERY = 1_000;

    private final int freeFailures;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private int untilSweep = SWEEP_EVERY;

    FailureBackoff(int freeFailures, Clock clock) {
        if (freeFailures < 0) {
            throw new IllegalArgumentException("freeFailures must be 0 or more");
        }
        this.freeFailures = freeFailures;
        this.clock = clock;
    }

    /** Seconds until {@code key} may try again, rounded up (0 when it may now). */
    synchronized long waitSeconds(String key) {
        Failures f = failures.get(key);
        if (f == null) {
            return 0;
        }
        Instant now = clock.instant();
        Instant allowed = f.at().plus(delay(f.count()));
        return now.isBefore(allowed) ? (Duration.between(now, allowed).toMillis() + 999) / 1000 : 0;
    }

    /** Counts one failure against {@code key}. */
    synchronized void fail(String key) {
        Instant now = clock.instant();
        sweepOccasionally(now);
        Failures f = failures.get(key);
        failures.put(key, new Failures(f == null ? 1 : f.drained(now) + 1, now));
    }

    /** Takes back one failure, keeping the time of the latest. */
    synchronized void forgiveOne(String key) {
        failures.computeIfPresent(key, (k, f) -> f.count() <= 1 ? null : new Failures(f.count() - 1, f.at()));
    }

    synchronized void clear(String key) {
        failures.remove(key);
    }

    private Duration delay(int count) {
        int over = count - freeFailures;
        if (over <= 0) {
            return Duration.ZERO;
        }
        // the shift stops at 2^20 s (far above MAX_DELAY) so it cannot overflow
        Duration doubling = Duration.ofSeconds(1L << Math.min(over - 1, 20));
        return doubling.compareTo(MAX_DELAY) < 0 ? doubling : MAX_DELAY;
    }

    private void sweepOccasionally(Instant now) {
        if (--untilSweep > 0) {
            return;
        }
        untilSweep = SWEEP_EVERY;
        failures.values().removeIf(f -> f.drained(now) == 0);
    }

    /** {@code count} failures, the latest at {@code at}. */
    private record Failures(int count, Instant at) {
        int drained(Instant now) {
            long periods = Duration.between(at, now).dividedBy(DRAIN);
            return (int) Math.max(0, count - periods);
        }
    }
}
