package org.cskpi.generate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When the simulated support team is at work (local time): 08:00-22:00 on weekdays,
 * 09:00-18:00 at weekends. Agents only reply while staffed, so a mail sent at 23:00 waits
 * for the morning; this is what makes evening and weekend response times long.
 */
final class Staffing {

    private static final LocalTime WEEKDAY_OPEN = LocalTime.of(8, 0);
    private static final LocalTime WEEKDAY_CLOSE = LocalTime.of(22, 0);
    private static final LocalTime WEEKEND_OPEN = LocalTime.of(9, 0);
    private static final LocalTime WEEKEND_CLOSE = LocalTime.of(18, 0);

    private final ZoneId zone;

    Staffing(ZoneId zone) {
        this.zone = zone;
    }

    boolean isStaffed(long epochSecond) {
        ZonedDateTime at = Instant.ofEpochSecond(epochSecond).atZone(zone);
        LocalTime time = at.toLocalTime();
        return !time.isBefore(open(at.toLocalDate())) && time.isBefore(close(at.toLocalDate()));
    }

    /** {@code epochSecond} itself when staffed, else the next opening. */
    long nextStaffed(long epochSecond) {
        if (isStaffed(epochSecond)) {
            return epochSecond;
        }
        ZonedDateTime at = Instant.ofEpochSecond(epochSecond).atZone(zone);
        LocalDate day = at.toLocalDate();
        if (!at.toLocalTime().isBefore(open(day))) {
            day = day.plusDays(1);
        }
        return ZonedDateTime.of(day, open(day), zone).toEpochSecond();
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalTime open(LocalDate day) {
        return isWeekend(day) ? WEEKEND_OPEN : WEEKDAY_OPEN;
    }

    private static LocalTime close(LocalDate day) {
        return isWeekend(day) ? WEEKEND_CLOSE : WEEKDAY_CLOSE;
    }
}
