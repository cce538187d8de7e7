package org.cskpi.analytics.businesstime;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.cskpi.config.BusinessHours;

/**
 * Business time (docs/kpis.md#business-time): the seconds of an interval that fall
 * inside the configured business hours — local wall-clock intervals per weekday, start
 * inclusive, end exclusive, converted to instants in the business zone (so a DST day's open
 * interval can be an hour shorter or longer) — skipping holidays (local dates).
 * Serializable so Spark can ship it to executors inside a UDF (see {@link BusinessTime}).
 */
public final class BusinessClock implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final ZoneId zone;
    /** Open interval per ISO weekday (index 1..7); null when closed. */
    private final LocalTime[] opens = new LocalTime[8];
    private final LocalTime[] closes = new LocalTime[8];
    private final HashSet<LocalDate> holidays;

    private BusinessClock(BusinessHours hours) {
        this.zone = hours.zone();
        hours.week().forEach((day, interval) -> {
            opens[day.getValue()] = interval.start();
            closes[day.getValue()] = interval.end();
        });
        this.holidays = new HashSet<>(hours.holidays());
    }

    public static BusinessClock of(BusinessHours hours) {
        return new BusinessClock(hours);
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Business seconds in {@code [start, end)}; 0 when {@code end} is not after {@code start}.
     * Walks the local dates the interval touches and sums its overlap with each open interval.
     */
    public double businessSeconds(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            return 0;
        }
        long startMicros = micros(start);
        long endMicros = micros(end);
        long total = 0;
        LocalDate last = LocalDate.ofInstant(end, zone);
        for (LocalDate day = LocalDate.ofInstant(start, zone); !day.isAfter(last); day = day.plusDays(1)) {
            Optional<long[]> open = openMicros(day);
            if (open.isPresent()) {
                long from = Math.max(startMicros, open.get()[0]);
                long to = Math.min(endMicros, open.get()[1]);
                total += Math.max(0, to - from);
            }
        }
        return total / (double) MICROS_PER_SECOND;
    }

    /** Business seconds between two instants given as epoch microseconds (Spark's unix_micros). */
    public double businessSeconds(long startMicros, long endMicros) {
        return businessSeconds(instant(startMicros), instant(endMicros));
    }

    /** Whether {@code at} falls inside business hours (closed days and holidays are outside). */
    public boolean isOpenAt(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        int day = local.getDayOfWeek().getValue();
        if (opens[day] == null || holidays.contains(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(opens[day]) && time.isBefore(closes[day]);
    }

    public boolean isOpenAt(long micros) {
        return isOpenAt(instant(micros));
    }

    /** The open interval of a local date as epoch micros {@code [open, close)}, if open. */
    private Optional<long[]> openMicros(LocalDate day) {
        int weekday = day.getDayOfWeek().getValue();
        if (opens[weekday] == null || holidays.contains(day)) {
            return Optional.empty();
        }
        long open = micros(day.atTime(opens[weekday]).atZone(zone).toInstant());
        long close = micros(day.atTime(closes[weekday]).atZone(zone).toInstant());
        return Optional.of(new long[] {open, close});
    }

    /** Holidays as configured, for the README and error messages. */
    public Set<LocalDate> holidays() {
        return Set.copyOf(holidays);
    }

    public boolean isOpenDay(DayOfWeek day) {
        return opens[day.getValue()] != null;
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1_000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1_000);
    }
}
