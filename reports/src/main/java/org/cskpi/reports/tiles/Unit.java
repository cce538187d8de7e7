package org.cskpi.reports.tiles;

import org.cskpi.reports.format.Figures;

/** How a KPI's value is written and how its week-on-week change is measured. */
public enum Unit {
    /** Counts: change in percent of the previous value. */
    COUNT,
    /** Seconds: change in percent of the previous value. */
    DURATION,
    /** Fractions 0-1: change in percentage points. */
    RATE,
    /** NPS -100..100: change in points. */
    SCORE;

    public String format(double value) {
        return switch (this) {
            case COUNT -> Figures.count(value);
            case DURATION -> Figures.duration(value);
            case RATE -> Figures.percent(value);
            case SCORE -> Figures.npsSigned(value);
        };
    }

    /** True when the change is relative (percent of previous) rather than absolute points. */
    public boolean relativeChange() {
        return this == COUNT || this == DURATION;
    }
}
