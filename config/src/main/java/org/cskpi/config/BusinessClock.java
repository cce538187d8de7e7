package org.cskpi.config;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business time (docs/kpis.md#business-time): the seconds of {@code [start, end)} that fall
 * inside {@link BusinessHours} — each local date's open interval converted to instants in the
 * business zone (so a DST day's open interval can be an hour shorter or longer), holidays
 * skipped. The one calculator behind analyze's business durations and after-hours flag and the
 * demo generator's help-desk "business" durations.
 *
 * <p>Serializable so Spark can ship it to executors inside a UDF. Each local day's open interval
 * is computed once and kept (thread-safe: Spark tasks may share an instance); the cache is not
 * shipped but rebuilt on the other side.
 */
public final class BusinessClock implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long[] CLOSED = new long[0];

    private final BusinessHours hours;
    /** Epoch day of a local date → its open interval {@code [open, close)} in epoch micros, or {@link #CLOSED}. */
    private final transient Map<Long, long[]> openByEpochDay = new ConcurrentHashMap<>();

    private BusinessClock(BusinessHours hours) {
        this.hours = hours;
    }

    public static BusinessClock of(BusinessHours hours) {
        return new BusinessClock(hours);
    }

    public ZoneId zone() {
        return hours.zone();
    }

    /** Business seconds in {@code [start, end)}, to the microsecond; 0 when {@code end} is not after {@code start}. */
    public double businessSeconds(Instant start, Instant end) {
        return businessMicros(micros(start), micros(end)) / (double) MICROS_PER_SECOND;
    }

    /** Business seconds in {@code [from, to)} given as whole epoch seconds; 0 when {@code to <= from}. */
    public long wholeBusinessSeconds(long fromEpochSecond, long toEpochSecond) {
        return businessMicros(Math.multiplyExact(fromEpochSecond, MICROS_PER_SECOND),
                Math.multiplyExact(toEpochSecond, MICROS_PER_SECOND)) / MICROS_PER_SECOND;
    }

    /** Whether {@code at} falls inside business hours, by the local wall clock (closed days and holidays are outside). */
    public boolean isOpenAt(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, hours.zone());
        return hours.openOn(local.toLocalDate()).map(open -> open.contains(local.toLocalTime())).orElse(false);
    }

    /** Walks the local dates {@code [start, end)} touches and sums its overlap with each one's open interval. */
    private long businessMicros(long startMicros, long endMicros) {
        if (endMicros <= startMicros) {
            return 0;
        }
        long total = 0;
        for (long day = localEpochDay(startMicros), last = localEpochDay(endMicros); day <= last; day++) {
            long[] open = openMicros(day);
            if (open != CLOSED) {
                total += Math.max(0, Math.min(open[1], endMicros) - Math.max(open[0], startMicros));
            }
        }
        return total;
    }

    private long localEpochDay(long micros) {
        long epochSecond = Math.floorDiv(micros, MICROS_PER_SECOND);
        int offset = hours.zone().getRules().getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        return Math.floorDiv(epochSecond + offset, SECONDS_PER_DAY);
    }

    private long[] openMicros(long epochDay) {
        return openByEpochDay.computeIfAbsent(epochDay, d -> {
            LocalDate date = LocalDate.ofEpochDay(d);
            return hours.openOn(date).map(open -> new long[] {
                micros(date.atTime(open.start()).atZone(hours.zone()).toInstant()),
                micros(date.atTime(open.end()).atZone(hours.zone()).toInstant())}).orElse(CLOSED);
        });
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                instant.getNano() / 1_000);
    }

    /** A deserialised clock starts with an empty cache (the transient field is not restored). */
    @Serial
    private Object readResolve() {
        return new BusinessClock(hours);
    }
}
