package org.cskpi.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * When tickets arrive: every UTC hour of the period gets a weight from the local hour of day
 * (peaks late morning and evening, quiet at night), the weekday (quieter weekends), a slight
 * upward trend and a little day-to-day noise; {@code N} tickets are then split over the
 * hours in exact proportion (cumulative rounding, so the counts sum to N). Times are local
 * to the account's time zone, so DST days simply have 23 or 25 hours.
 */
final class ArrivalSchedule {

    /** Relative ticket volume by local hour of day 0..23. */
    private static final double[] HOUR_PROFILE = {
        0.25, 0.15, 0.10, 0.08, 0.08, 0.12, 0.30, 0.60, 0.90, 1.20, 1.45, 1.50,
        1.30, 1.20, 1.15, 1.10, 1.05, 1.00, 1.05, 1.25, 1.40, 1.25, 0.80, 0.45};
    /** Relative volume by weekday, Monday first. */
    private static final double[] DAY_PROFILE = {1.15, 1.05, 1.00, 1.00, 0.95, 0.65, 0.70};

    private final long start;
    private final int[] counts;
    private final double[] loads;
    /** The generator-wide index of this schedule's first hour: it seeds the hour's arrival offsets. */
    private final int firstHour;

    private ArrivalSchedule(long start, int[] counts, double[] loads, int firstHour) {
        this.start = start;
        this.counts = counts;
        this.loads = loads;
        this.firstHour = firstHour;
    }

    /** The schedule for {@code tickets} tickets in {@code weeks} ISO weeks ending on {@code lastDay}. */
    static ArrivalSchedule plan(long tickets, int weeks, LocalDate lastDay, ZoneId zone, long seed) {
        return plan(tickets, weeks, lastDay, zone, seed, 0);
    }

    /**
     * The schedule of a week that follows an earlier schedule ending at {@code firstHour}: its
     * hours continue the earlier one's numbering, so their arrival offsets are new draws.
     */
    static ArrivalSchedule following(int firstHour, long tickets, LocalDate lastDay, ZoneId zone, long seed) {
        return plan(tickets, 1, lastDay, zone, seed, firstHour);
    }

    private static ArrivalSchedule plan(long tickets, int weeks, LocalDate lastDay, ZoneId zone, long seed,
                                        int firstHour) {
        LocalDate firstDay = lastDay.minusDays(7L * weeks - 1);
        long start = firstDay.atStartOfDay(zone).toEpochSecond();
        long end = lastDay.plusDays(1).atStartOfDay(zone).toEpochSecond();
        int hours = (int) ((end - start) / 3600);
        double[] weights = new double[hours];
        double total = 0;
        for (int h = 0; h < hours; h++) {
            ZonedDateTime local = Instant.ofEpochSecond(start + 3600L * h).atZone(zone);
            LocalDate day = local.toLocalDate();
            long dayIndex = day.toEpochDay() - firstDay.toEpochDay();
            SplittableRandom noise = Seeds.stream(seed, Seeds.DAY, day.toEpochDay());
            double trend = 1.0 + 0.15 * dayIndex / Math.max(1, 7 * weeks);
            weights[h] = HOUR_PROFILE[local.getHour()] * DAY_PROFILE[local.getDayOfWeek().getValue() - 1]
                    * trend * (0.92 + 0.16 * noise.nextDouble());
            total += weights[h];
        }
        int[] counts = new int[hours];
        double cumulative = 0;
        long assigned = 0;
        for (int h = 0; h < hours; h++) {
            cumulative += weights[h];
            long upTo = Math.round(tickets * (cumulative / total));
            counts[h] = (int) (upTo - assigned);
            assigned = upTo;
        }
        counts[hours - 1] += (int) (tickets - assigned);
        return new ArrivalSchedule(start, counts, loads(weights, zone, start), firstHour);
    }

    /** Load = hour weight over the mean weight of staffed daytime hours (09-21 local). */
    private static double[] loads(double[] weights, ZoneId zone, long start) {
        double sum = 0;
        int n = 0;
        for (int h = 0; h < weights.length; h++) {
            int hour = Instant.ofEpochSecond(start + 3600L * h).atZone(zone).getHour();
            if (hour >= 9 && hour < 21) {
                sum += weights[h];
                n++;
            }
        }
        double mean = n == 0 ? 1 : sum / n;
        return Arrays.stream(weights).map(w -> w / mean).toArray();
    }

    int hours() {
        return counts.length;
    }

    long hourStart(int hour) {
        return start + 3600L * hour;
    }

    int count(int hour) {
        return counts[hour];
    }

    /** How busy the hour is relative to an average staffed hour (1.0). */
    double load(int hour) {
        return loads[hour];
    }

    long periodStart() {
        return start;
    }

    long periodEnd() {
        return start + 3600L * counts.length;
    }

    /** The generator-wide index of this schedule's first hour. */
    int firstHour() {
        return firstHour;
    }

    /** Sorted second offsets within the hour for its tickets, from the hour's own stream. */
    int[] offsets(int hour, long seed) {
        SplittableRandom rng = Seeds.stream(seed, Seeds.HOUR, firstHour + hour);
        int[] offsets = new int[counts[hour]];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = rng.nextInt(3600);
        }
        Arrays.sort(offsets);
        return offsets;
    }
}
