package org.cskpi.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;
import org.cskpi.config.BusinessHours;

/**
 * Seconds inside business hours between two instants (docs/kpis.md#business-time: local wall-clock
 * intervals per weekday, start inclusive, end exclusive, holidays closed). The help desks'
 * own "business" durations (Zendesk's {@code business} minutes, Freshdesk's "(in hrs)"
 * columns) are computed with it. Each local day's open interval is computed once and kept
 * (one entry per day of the generated period plus the days replies spill into).
 */
final class BusinessClock {

    private static final long[] CLOSED = new long[0];

    private final BusinessHours hours;
    private final ZoneRules rules;
    private final Map<Long, long[]> openByEpochDay = new HashMap<>();

    BusinessClock(BusinessHours hours) {
        this.hours = hours;
        this.rules = hours.zone().getRules();
    }

    /** Business seconds in {@code [from, to)}; 0 when {@code to <= from}. */
    long secondsBetween(long from, long to) {
        if (to <= from) {
            return 0;
        }
        long total = 0;
        for (long day = localEpochDay(from), last = localEpochDay(to); day <= last; day++) {
            long[] open = openInterval(day);
            if (open != CLOSED) {
                total += Math.max(0, Math.min(open[1], to) - Math.max(open[0], from));
            }
        }
        return total;
    }

    private long localEpochDay(long epochSecond) {
        int offset = rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        return Math.floorDiv(epochSecond + offset, 86_400L);
    }

    /** {@code [start, end)} in epoch seconds of a local day's open hours, or {@link #CLOSED}. */
    private long[] openInterval(long epochDay) {
        return openByEpochDay.computeIfAbsent(epochDay, d -> {
            LocalDate date = LocalDate.ofEpochDay(d);
            return hours.openOn(date).map(open -> new long[] {
                ZonedDateTime.of(date, open.start(), hours.zone()).toEpochSecond(),
                ZonedDateTime.of(date, open.end(), hours.zone()).toEpochSecond()}).orElse(CLOSED);
        });
    }
}
