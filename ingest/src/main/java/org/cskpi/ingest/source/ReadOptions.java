package org.cskpi.ingest.source;

import java.time.ZoneId;
import java.util.List;

/**
 * How staged timestamps are to be read: {@code timestampFormats} are
 * {@code DateTimeFormatter} patterns tried in order before ISO-8601 (docs/mappings.md#timestamps),
 * in {@code zone} when the text carries no offset. {@code sqlTimestamps}: ISO-8601 may also
 * have a space for the {@code T}, as {@code cskpi sql} prints timestamps (cskpi's canonical CSV).
 */
public record ReadOptions(ZoneId zone, List<String> timestampFormats, boolean sqlTimestamps) {
    public ReadOptions {
        timestampFormats = List.copyOf(timestampFormats);
    }

    public ReadOptions(ZoneId zone, List<String> timestampFormats) {
        this(zone, timestampFormats, false);
    }
}
