package org.cskpi.web.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.data.IsoWeek;

/**
 * Rendered report content (picker + report, without the per-user frame) per week and filter.
 * An entry is used only while the store's {@link ReportChoices#version()} is unchanged (no new
 * analyze run, no new survey answer) and for at most {@link #MAX_AGE_NANOS} (a customer may still
 * edit a comment, which the version does not see). Building a report is ~15 queries and all
 * chart JSON; a cached page is one small query.
 */
final class ReportCache {

    static final long MAX_AGE_NANOS = 60_000_000_000L;
    private static final int MAX_ENTRIES = 128;

    private record Key(IsoWeek week, Filters filters) {
    }

    private record Entry(String version, long builtAt, String html) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    String get(IsoWeek week, Filters filters, String version, Supplier<String> render) {
        Key key = new Key(week, filters);
        Entry entry = entries.get(key);
        long now = System.nanoTime();
        if (entry != null && entry.version().equals(version) && now - entry.builtAt() < MAX_AGE_NANOS) {
            return entry.html();
        }
        String html = render.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(version, now, html));
        return html;
    }
}
