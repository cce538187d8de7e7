package org.cskpi.web.survey;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client key (the client address). Each bucket holds up to
 * {@code perMinute} tokens and refills continuously at {@code perMinute} per 60 s, so a client
 * may burst a minute's allowance and then goes on at the steady rate. A request takes one
 * token or is refused. Buckets that are full again carry no state worth keeping and are
 * dropped when the map grows past {@link #MAX_TRACKED}.
 */
public final class RateLimiter {

    static final int MAX_TRACKED = 10_000;
    private static final double NANOS_PER_MINUTE = 60e9;

    private final double capacity;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, LongSupplier nanoTime) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("perMinute must be above 0, got " + perMinute);
        }
        this.capacity = perMinute;
        this.nanoTime = nanoTime;
    }

    public static RateLimiter perMinute(int perMinute) {
        return new RateLimiter(perMinute, System::nanoTime);
    }

    /** Takes a token for {@code key}; false when its bucket is empty. */
    public boolean tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(now)).tryTake(now);
    }

    /** Seconds until {@code key} has a token again (at least 1), for {@code Retry-After}. */
    public long secondsUntilNext() {
        return Math.max(1, (long) Math.ceil(60.0 / capacity));
    }

    int tracked() {
        return buckets.size();
    }

    private final class Bucket {
        private double tokens = capacity;
        private long refilledAt;

        Bucket(long now) {
            this.refilledAt = now;
        }

        synchronized boolean tryTake(long now) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = now - refilledAt;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * capacity / NANOS_PER_MINUTE);
                refilledAt = now;
            }
        }
    }
}
