package org.cskpi.reports.tiles;

import java.util.Optional;
import org.cskpi.reports.data.WeeklyKpi;

/**
 * One headline number: this week's row, last week's row, the change between them and its
 * colour, the target where one exists, and for NPS its margin of error.
 *
 * @param change          relative change (fraction of previous) for counts and durations, absolute
 *                        change for rates (fraction points) and NPS (points); empty when not comparable
 *                        or when the previous value is 0 for a relative change
 * @param afterHoursShare for a business-hours FRT median of 0: the share of tickets created outside
 *                        business hours ({@code after_hours_share}), which says why (at least half were
 *                        asked and answered while closed)
 */
public record Tile(KpiSpec spec, Optional<WeeklyKpi> current, Optional<WeeklyKpi> previous,
                   Optional<Double> change, Verdict verdict, Optional<Double> target,
                   Optional<Double> marginOfError, Optional<Double> afterHoursShare) {

    public Optional<Double> value() {
        return current.map(WeeklyKpi::value);
    }

    public boolean smallSample() {
        return current.map(WeeklyKpi::smallSample).orElse(false);
    }

    public boolean incomplete() {
        return current.map(WeeklyKpi::incomplete).orElse(false);
    }

    /** Up (+1), down (-1) or unchanged (0); 0 when not comparable. */
    public int direction() {
        if (verdict == Verdict.NOT_COMPARABLE) {
            return 0;
        }
        return (int) Math.signum(current.orElseThrow().value() - previous.orElseThrow().value());
    }

    /** Whether the value meets its target (at or below it: targets are upper bounds on FRT). */
    public Optional<Boolean> meetsTarget() {
        return target.flatMap(t -> value().map(v -> v <= t));
    }
}
