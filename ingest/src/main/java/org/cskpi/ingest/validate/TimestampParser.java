package org.cskpi.ingest.validate;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Timestamp texts to instants (docs/mappings.md#timestamps): the given patterns in order
 * (English locale), then ISO-8601 with or without offset; a text without an offset is a
 * local time in {@code zone}, a date alone is midnight there. Local times in a DST gap move
 * forward by the gap, ambiguous ones take the earlier offset (as {@code ZonedDateTime.ofLocal}),
 * and the result says which happened so the summary can count them. With {@code sqlTimestamps}
 * it also reads ISO-8601 with a space for the {@code T}, as {@code cskpi sql} prints timestamps.
 */
public final class TimestampParser implements Serializable {

    /** DST adjustment applied while reading a local time. */
    public enum Dst { NONE, GAP, OVERLAP }

    /** A parsed instant and the DST adjustment it needed. */
    public record Parsed(Instant instant, Dst dst) {
    }

    /** ISO_DATE_TIME and ISO_LOCAL_DATE, tried after the user's patterns (fast path first). */
    private static final int ISO_FORMATTERS = 2;

    private final ZoneId zone;
    private final List<String> patterns;
    private final boolean sqlTimestamps;
    private transient List<DateTimeFormatter> formatters;

    public TimestampParser(ZoneId zone, List<String> patterns) {
        this(zone, patterns, false);
    }

    public TimestampParser(ZoneId zone, List<String> patterns, boolean sqlTimestamps) {
        this.zone = zone;
        this.patterns = List.copyOf(patterns);
        this.sqlTimestamps = sqlTimestamps;
    }

    /** The instant of {@code text}, or null when no pattern nor ISO-8601 reads it. */
    public Parsed parse(String text) {
        List<DateTimeFormatter> all = formatters();
        int isoAt = all.size() - ISO_FORMATTERS;
        for (int i = 0; i < all.size(); i++) {
            if (i == isoAt) {
                Temporal iso = IsoTimestamps.read(text, sqlTimestamps);
                if (iso != null) {
                    return toParsed(iso);
                }
            }
            Parsed parsed = tryParse(all.get(i), text);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    private Parsed tryParse(DateTimeFormatter formatter, String text) {
        try {
            return toParsed(formatter.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Parsed toParsed(TemporalAccessor value) {
        if (value instanceof ZonedDateTime zoned) {
            return new Parsed(zoned.toInstant(), Dst.NONE);
        }
        if (value instanceof OffsetDateTime offset) {
            return new Parsed(offset.toInstant(), Dst.NONE);
        }
        LocalDateTime local = value instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) value;
        int offsets = zone.getRules().getValidOffsets(local).size();
        Dst dst = offsets == 0 ? Dst.GAP : offsets > 1 ? Dst.OVERLAP : Dst.NONE;
        return new Parsed(ZonedDateTime.ofLocal(local, zone, null).toInstant(), dst);
    }

    private List<DateTimeFormatter> formatters() {
        if (formatters == null) {
            List<DateTimeFormatter> list = new ArrayList<>();
            for (String pattern : patterns) {
                list.add(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH));
            }
            list.add(DateTimeFormatter.ISO_DATE_TIME);
            list.add(DateTimeFormatter.ISO_LOCAL_DATE);
            formatters = list;
        }
        return formatters;
    }
}
