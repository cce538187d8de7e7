package org.cskpi.ingest.source;

import java.time.ZoneId;
import java.util.List;

/**
 * How staged timestamps are to be read: {@code timestampFormats} are
 * {@code DateTimeFormatter} patterns tried in order before ISO-8601
 * (docs/mappings.md#timestamps), in {@code zone} when the text carries no offset.
 */
public record ReadOptions(ZoneId zone, List<String> timestampFormats) {
    public ReadOptions {
        timestampFormats = List.copyOf(timestampFormats);
    }
}
