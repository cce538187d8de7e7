package org.cskpi.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.cskpi.config.BusinessHours;

/**
 * Seconds inside business hours between two instants (KPIS.md, "Periods": local wall-clock
 * intervals per weekday, start inclusive, end exclusive, holidays closed). The help desks'
 * own "business" durations (Zendesk's {@code business} minutes, Freshdesk's "(in hrs)"
 * columns) are computed with it.
 */
final class BusinessClock {

    private final BusinessHours hours;

    BusinessClock(BusinessHours hours) {
        this.hours = hours;
    }

    /** Business seconds in {@code [from, to)}; 0 when {@code to <= from}. */
    long secondsBetween(long from, long to) {
        if (to <= from) {
            return 0;
        }
        LocalDate day = Instant.ofEpochSecond(from).atZone(hours.zone()).toLocalDate();
        LocalDate last = Instant.ofEpochSecond(to).atZone(hours.zone()).toLocalDate();
        long total = 0;
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            final LocalDate date = day;
            total += hours.openOn(date).map(open -> {
                long start = ZonedDateTime.of(date, open.start(), hours.zone()).toEpochSecond();
                long end = ZonedDateTime.of(date, open.end(), hours.zone()).toEpochSecond();
                return Math.max(0, Math.min(end, to) - Math.max(start, from));
            }).orElse(0L);
        }
        return total;
    }
}
