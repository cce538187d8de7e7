package org.cskpi.reports.format;

import java.util.Locale;

/** How the report writes numbers: durations in words, rates as percent, NPS as an integer. */
public final class Figures {

    private Figures() {
    }

    /**
     * Seconds as "45 s", "2 min 10 s", "3 h 5 min", "2 d 4 h": the two largest units, rounded to
     * the smaller one (10,433 s is "2 h 54 min", not "2 h 53 min").
     */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3_600) {
            return twoUnits(s / 60, "min", s % 60, "s");
        }
        long minutes = Math.round(s / 60.0);
        if (minutes < 24 * 60) {
            return twoUnits(minutes / 60, "h", minutes % 60, "min");
        }
        long hours = Math.round(s / 3_600.0);
        return twoUnits(hours / 24, "d", hours % 24, "h");
    }

    private static String twoUnits(long big, String bigUnit, long small, String smallUnit) {
        return small == 0 ? big + " " + bigUnit : big + " " + bigUnit + " " + small + " " + smallUnit;
    }

    /** A fraction 0-1 as "82.4%". */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** A count with thousands separators, "12,345". */
    public static String count(double count) {
        return String.format(Locale.ROOT, "%,d", Math.round(count));
    }

    /** NPS displayed as an integer, rounded half away from zero (docs/kpis.md#nps-score-and-counts). */
    public static long nps(double nps) {
        return (long) (Math.signum(nps) * Math.floor(Math.abs(nps) + 0.5));
    }

    /** A signed NPS, "+42" / "-7" / "0". */
    public static String npsSigned(double nps) {
        long rounded = nps(nps);
        return rounded > 0 ? "+" + rounded : Long.toString(rounded);
    }
}
