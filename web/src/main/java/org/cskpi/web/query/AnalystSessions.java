package org.cskpi.web.query;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One Spark Connect session per analyst, kept between their queries ({@code S} is the session
 * type, so tests can count opens and closes). Opening a session costs a channel, a handshake
 * and a server-side session, more than a small query itself; keeping it
 * also keeps what the analyst SET for their later queries, as their own client would. A session
 * unused for {@code idle} is closed at the next use of this class; one the service no longer
 * knows (it restarted) is dropped by {@link #discard} and opened again on the next query.
 */
final class AnalystSessions<S extends AutoCloseable> implements AutoCloseable {

    private record Held<S>(S session, long lastUsedNanos) {
    }

    private final Map<String, Held<S>> held = new ConcurrentHashMap<>();
    private final Function<String, S> open;
    private final long idleNanos;
    private final LongSupplier nanoTime;

    AnalystSessions(Function<String, S> open, Duration idle, LongSupplier nanoTime) {
        this.open = open;
        this.idleNanos = idle.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The analyst's session, opened if they have none. */
    S of(String analyst) {
        closeIdle();
        long now = nanoTime.getAsLong();
        return held.compute(analyst, (name, old) -> new Held<>(old == null ? open.apply(name) : old.session(), now))
                .session();
    }

    /** Forgets {@code session} (if it is still the analyst's) and closes it. */
    void discard(String analyst, S session) {
        held.computeIfPresent(analyst, (name, old) -> old.session() == session ? null : old);
        closeQuietly(session);
    }

    int size() {
        return held.size();
    }

    private void closeIdle() {
        long now = nanoTime.getAsLong();
        held.forEach((analyst, h) -> {
            if (now - h.lastUsedNanos() > idleNanos && held.remove(analyst, h)) {
                closeQuietly(h.session());
            }
        });
    }

    @Override
    public void close() {
        held.forEach((analyst, h) -> {
            if (held.remove(analyst, h)) {
                closeQuietly(h.session());
            }
        });
    }

    private static void closeQuietly(AutoCloseable session) {
        try {
            session.close();
        } catch (Exception e) {
            // The service is gone or already released the session: nothing is left to free.
        }
    }
}
