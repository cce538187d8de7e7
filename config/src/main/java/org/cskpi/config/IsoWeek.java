package org.cskpi.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week written {@code 2026-W47} (docs/kpis.md#weeks-and-time-zone): Monday 00:00 to
 * the next Monday 00:00 on the wall clock of a zone; the year is the ISO week-based year (the
 * year of the week's Thursday), so 2026-12-31 and 2027-01-01 are both in 2026-W53. The text
 * form of two weeks compares like the weeks (for years 0 to 9999), so stores keep it as text.
 */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        long weeksInYear = LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeksInYear) {
            throw new IllegalArgumentException("week " + week + " does not exist in " + year
                    + " (it has " + weeksInYear + " ISO weeks)");
        }
    }

    /** Parses {@code YYYY-Www}; the message names the expected form. */
    public static IsoWeek parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("week '" + text + "' is not of the form YYYY-Www, e.g. 2026-W47");
        }
        return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The week of {@code at} on the wall clock of {@code zone}. */
    public static IsoWeek containing(Instant at, ZoneId zone) {
        return containing(LocalDate.ofInstant(at, zone));
    }

    public static IsoWeek containing(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(DayOfWeek.MONDAY);
    }

    public IsoWeek minusWeeks(int weeks) {
        return containing(monday().minusWeeks(weeks));
    }

    public IsoWeek previous() {
        return minusWeeks(1);
    }

    public IsoWeek next() {
        return containing(monday().plusWeeks(1));
    }

    /** Monday 00:00 of this week in {@code zone}. */
    public Instant start(ZoneId zone) {
        return monday().atStartOfDay(zone).toInstant();
    }

    /** Monday 00:00 of the next week in {@code zone} (exclusive end). */
    public Instant end(ZoneId zone) {
        return monday().plusWeeks(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public int compareTo(IsoWeek other) {
        return monday().compareTo(other.monday());
    }

    /**
     * {@code YYYY-Www}. Built by hand, not with {@code String.format}: reports look weeks up by
     * this text thousands of times per build (a profile of the web report put a third of its time
     * in the formatter).
     */
    @Override
    public String toString() {
        if (year < 0 || year > 9999) {
            return String.format("%04d-W%02d", year, week);
        }
        String digits = Integer.toString(year);
        return "0000".substring(digits.length()) + digits + (week < 10 ? "-W0" : "-W") + week;
    }
}
