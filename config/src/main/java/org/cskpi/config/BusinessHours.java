package org.cskpi.config;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Business hours in the reporting time zone (docs/kpis.md#business-time): one local wall-clock
 * interval per open weekday, start inclusive, end exclusive; holidays are closed all day.
 * Serializable because {@link BusinessClock} carries it to Spark executors.
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, Interval> week, Set<LocalDate> holidays)
        implements Serializable {

    /** A local wall-clock interval {@code [start, end)} on one day. */
    public record Interval(LocalTime start, LocalTime end) implements Serializable {
        public Interval {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("end " + end + " is not after start " + start);
            }
        }

        /** Whether a local time of the day lies in {@code [start, end)}. */
        public boolean contains(LocalTime time) {
            return !time.isBefore(start) && time.isBefore(end);
        }

        static Interval parse(String text) {
            String[] parts = text.split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException(text);
            }
            return new Interval(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    public BusinessHours {
        week = Map.copyOf(week);
        holidays = Set.copyOf(holidays);
    }

    /** Monday to Friday 09:00-17:00, no holidays: the documented default. */
    public static BusinessHours standard(ZoneId zone) {
        Map<DayOfWeek, Interval> week = new EnumMap<>(DayOfWeek.class);
        Interval nineToFive = new Interval(LocalTime.of(9, 0), LocalTime.of(17, 0));
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, nineToFive);
        }
        return new BusinessHours(zone, week, Set.of());
    }

    /** The open interval of a local date, empty on closed weekdays and holidays. */
    public Optional<Interval> openOn(LocalDate date) {
        if (holidays.contains(date)) {
            return Optional.empty();
        }
        return Optional.ofNullable(week.get(date.getDayOfWeek()));
    }
}
