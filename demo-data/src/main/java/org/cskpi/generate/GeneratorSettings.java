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
 * durations.
 */
public record GeneratorSettings(long tickets, int weeks, long seed, Path out, Set<Format> formats, ZoneId zone,
                                LocalDate lastDay, double responsesShare, BusinessHours businessHours) {

    /** Output formats; each writes a subdirectory of the same name. */
    public enum Format { ZENDESK, FRESHDESK, CSV }

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

    /** The default last day: the Sunday ending the last complete ISO week before {@code today}. */
    public static LocalDate defaultLastDay(LocalDate today) {
        return today.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
    }
}
