package org.cskpi.analytics.period;

import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.year;

import java.time.ZoneId;
import org.apache.spark.sql.Column;

/**
 * ISO-8601 weeks in the business time zone (docs/kpis.md#weeks-and-time-zone: Monday 00:00
 * inclusive to the next Monday 00:00 exclusive, local in the business zone, written 2026-W47).
 * The week-year is the ISO week-based year (the year of the week's Thursday), so 2026-12-31 is
 * in 2026-W53 and 2027-01-01 too.
 *
 * <p>The weeks of {@link org.cskpi.config.IsoWeek} as Spark columns. They take UTC instants and
 * assume the session time zone is UTC (cskpi's sessions set {@code spark.sql.session.timeZone=UTC};
 * the jobs check it).
 */
public final class Weeks {

    private Weeks() {
    }

    /** Local wall-clock time of a UTC instant column in {@code zone}. */
    public static Column local(Column utc, ZoneId zone) {
        return from_utc_timestamp(utc, zone.getId());
    }

    /** ISO weekday 1 = Monday ... 7 = Sunday of a UTC instant in {@code zone}. */
    public static Column isoWeekday(Column utc, ZoneId zone) {
        return dayofweek(local(utc, zone)).plus(5).mod(7).plus(1);
    }

    public static Column hourOfDay(Column utc, ZoneId zone) {
        return hour(local(utc, zone));
    }

    /** The local date of the Monday starting the instant's week. */
    public static Column mondayOf(Column utc, ZoneId zone) {
        return date_sub(to_date(local(utc, zone)), isoWeekday(utc, zone).minus(1));
    }

    /** {@code YYYY-Www} of a UTC instant column. */
    public static Column isoWeek(Column utc, ZoneId zone) {
        return isoWeekOfMonday(mondayOf(utc, zone));
    }

    /** {@code YYYY-Www} of a Monday date column: the week-year is the year of its Thursday. */
    public static Column isoWeekOfMonday(Column monday) {
        return format_string("%04d-W%02d", year(date_add(monday, 3)), weekofyear(monday));
    }

    /** The ISO week before the instant's week. */
    public static Column previousIsoWeek(Column utc, ZoneId zone) {
        return isoWeekOfMonday(date_sub(mondayOf(utc, zone), 7));
    }

    /** The instant the instant's week ends: next Monday 00:00 local, as a UTC timestamp. */
    public static Column weekEnd(Column utc, ZoneId zone) {
        return to_utc_timestamp(date_add(mondayOf(utc, zone), 7).cast("timestamp"), lit(zone.getId()));
    }
}
