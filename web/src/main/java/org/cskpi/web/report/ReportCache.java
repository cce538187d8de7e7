package org.cskpi.web.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.data.Filters;

/**
 * Rendered report content (picker + report, without the per-user frame) per week and filter.
 * An entry is used only while its week's {@link StoreVersion} is unchanged (no run finished, no
 * new survey answer in a week that takes them) and while it is younger than the caller's maximum age
 * (requests allow {@link #MAX_AGE_NANOS}: a customer may still edit a comment, which the version
 * does not see).
 *
 * <p>Bounded: at most {@code maxEntries} pages (~60 KB each on a 1M-ticket store), the least
 * recently used one goes first. One build per week, filter and version at a time: a request that
 * arrives while the same page is being built (by another request or by {@link ReportWarmer})
 * waits for that build instead of starting its own.
 */
final class ReportCache {

    static final long MAX_AGE_NANOS = 60_000_000_000L;
    static final int MAX_ENTRIES = 64;

    record Key(IsoWeek week, Filters filters) {
    }

    private record Entry(String version, long builtAt, String html) {
    }

    private record Build(Key key, String version) {
    }

    private final int maxEntries;
    private final LongSupplier nanoTime;
    /** Access order, so that the eldest entry is the least recently used; guarded by {@code this}. */
    private final LinkedHashMap<Key, Entry> entries;
    private final Map<Build, CompletableFuture<String>> building = new ConcurrentHashMap<>();

    ReportCache() {
        this(MAX_ENTRIES, System::nanoTime);
    }

    ReportCache(int maxEntries, LongSupplier nanoTime) {
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > ReportCache.this.maxEntries;
            }
        };
    }

    /** The content for a request: cached unless older than {@link #MAX_AGE_NANOS} or of another version. */
    String get(Key key, String version, Supplier<String> render) {
        return get(key, version, MAX_AGE_NANOS, render);
    }

    /**
     * The content of {@code key} at {@code version}, built with {@code render} when there is no
     * entry of that version younger than {@code maxAgeNanos}. {@code version} must be read
     * before the build starts, so that a store change during the build leaves the entry stale.
     */
    String get(Key key, String version, long maxAgeNanos, Supplier<String> render) {
        String cached = fresh(key, version, maxAgeNanos);
        if (cached != null) {
            return cached;
        }
        Build build = new Build(key, version);
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> running = building.putIfAbsent(build, mine);
        if (running != null) {
            return join(running);
        }
        try {
            long startedAt = nanoTime.getAsLong();
            String html = render.get();
            synchronized (this) {
                entries.put(key, new Entry(version, startedAt, html));
            }
            mine.complete(html);
            return html;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            building.remove(build, mine);
        }
    }

    /** Whether {@code key} has an entry of {@code version} younger than {@code maxAgeNanos}. */
    synchronized boolean holds(Key key, String version, long maxAgeNanos) {
        Entry entry = entries.get(key);
        return entry != null && entry.version().equals(version) && nanoTime.getAsLong() - entry.builtAt() < maxAgeNanos;
    }

    /** Pages being built right now (by requests or the warmer). */
    int buildsInFlight() {
        return building.size();
    }

    synchronized int size() {
        return entries.size();
    }

    private synchronized String fresh(Key key, String version, long maxAgeNanos) {
        Entry entry = entries.get(key);
        boolean fresh = entry != null && entry.version().equals(version)
                && nanoTime.getAsLong() - entry.builtAt() < maxAgeNanos;
        return fresh ? entry.html() : null;
    }

    /** The other build's result, or its exception as the waiting caller's own. */
    private static String join(CompletableFuture<String> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
