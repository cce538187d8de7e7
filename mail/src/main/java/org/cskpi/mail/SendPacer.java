package org.cskpi.mail;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps sends at most {@code perMinute} a minute ({@code survey.send_rate_per_minute}), evenly
 * spaced: {@link #awaitTurn()} returns at once the first time, then never sooner than
 * 60 s / {@code perMinute} after the previous turn. Servers and their spam filters take a
 * steady trickle better than bursts.
 */
public final class SendPacer {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextTurn;
    private boolean started;

    /** {@code nanoTime} is a monotonic clock in nanoseconds, as {@link System#nanoTime}. */
    public SendPacer(int perMinute, LongSupplier nanoTime, Sleeper sleeper) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("the rate must be 1 or more a minute, got " + perMinute);
        }
        this.intervalNanos = Duration.ofMinutes(1).toNanos() / perMinute;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    public static SendPacer perMinute(int perMinute) {
        return new SendPacer(perMinute, System::nanoTime, Sleeper.SYSTEM);
    }

    /** Waits until the next send may go. */
    public void awaitTurn() throws InterruptedException {
        long now = nanoTime.getAsLong();
        if (started && now - nextTurn < 0) {
            sleeper.sleep(Duration.ofNanos(nextTurn - now));
            now = nextTurn;
        }
        started = true;
        nextTurn = now + intervalNanos;
    }
}
