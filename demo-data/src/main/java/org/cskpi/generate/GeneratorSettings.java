package org.cskpi.generate;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import org.cskpi.config.BusinessHours;

/**
 * What to generate. {@code lastDay} is the last local day covered (a Sunday ends a whole
 * ISO week); {@code businessHours} (zone = {@code zone}) drive the help desks' "business"
 * durations. {@code nextWeek}, when not null, asks for one following week's export of that
 * history instead of the history itself.
 */
public record GeneratorSettings(long tickets, int weeks, long seed, Path out, Set<Format> formats, ZoneId zone,
                                LocalDate lastDay, double responsesShare, BusinessHours businessHours,
                                NextWeek nextWeek) {

    /** Output formats; each writes a subdirectory of the same name. */
    public enum Format { ZENDESK, FRESHDESK, CSV }

    /**
     * The export of week {@code week} after the history (1 = the week after its last): the
     * {@code tickets} created in it, and updates of older tickets, about {@code updatesShare}
     * times as many, drawn from those whose state changed in it. Every following week up to it
     * has {@code tickets} new tickets too, so week 2 continues week 1 only with the same count.
     */
    public record NextWeek(int week, long tickets, double updatesShare) {

        public static final int MAX_WEEK = 52;

        public NextWeek {
            if (week < 1 || week > MAX_WEEK) {
                throw new IllegalArgumentException("--next-week must be between 1 and " + MAX_WEEK + ", got " + week);
            }
            if (tickets < 0) {
                throw new IllegalArgumentException("--next-week-tickets must not be negative, got " + tickets);
            }
            if (!(updatesShare >= 0 && updatesShare <= 10)) {
                throw new IllegalArgumentException("--updates-share must be between 0 and 10, got " + updatesShare);
            }
        }
    }

    /** Settings for a history (no following week). */
    public GeneratorSettings(long tickets, int weeks, long seed, Path out, Set<Format> formats, ZoneId zone,
                             LocalDate lastDay, double responsesShare, BusinessHours businessHours) {
        this(tickets, weeks, seed, out, formats, zone, lastDay, responsesShare, businessHours, null);
    }

    public GeneratorSettings {
        if (tickets < 1) {
            throw new IllegalArgumentException("--tickets must be at least 1, got " + tickets);
        }
        if (weeks < 1 || weeks > 520) {
            throw new IllegalArgumentException("--weeks must be between 1 and 520, got " + weeks);
        }
        if (!(responsesShare >= 0 && responsesShare <= 1)) {
            throw new IllegalArgumentException("--responses-share must be between 0 and 1, got " + responsesShare);
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("--format selects no format");
        }
        formats = Set.copyOf(formats);
    }

    /** The history's average weekly volume, the default for a following week's new tickets. */
    public static long weeklyTickets(long tickets, int weeks) {
        return Math.max(1, Math.round((double) tickets / weeks));
    }

    /** The cut-off (exclusive end) of the history ({@code week} 0) or of its {@code week}-th following week. */
    public long cutoff(int week) {
        return lastDay.plusWeeks(week).plusDays(1).atStartOfDay(zone).toEpochSecond();
    }

    /** The default last day: the Sunday ending the last complete ISO week before {@code today}. */
    public static LocalDate defaultLastDay(LocalDate today) {
        return today.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
    }
}
