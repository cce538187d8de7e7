package org.cskpi.reports.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.data.KpiHistory;
import org.cskpi.reports.data.WeeklyKpi;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.store.kpi.Kpi;

/** Builds the headline tiles of a week from the KPI rows (issue 7, "headline tiles"). */
public final class Tiles {

    private Tiles() {
    }

    public static List<Tile> build(KpiHistory history, IsoWeek week, Filters filters, CskpiConfig config) {
        List<Tile> tiles = new ArrayList<>();
        for (KpiSpec spec : KpiSpec.values()) {
            tiles.add(tile(spec, history, week, filters, config));
        }
        return tiles;
    }

    static Tile tile(KpiSpec spec, KpiHistory history, IsoWeek week, Filters filters, CskpiConfig config) {
        Breakdown breakdown = filters.breakdown();
        String value = filters.breakdownValue();
        Optional<WeeklyKpi> current = history.find(week, breakdown, value, spec.kpi());
        Optional<WeeklyKpi> previous = history.find(week.previous(), breakdown, value, spec.kpi());
        Verdict verdict = verdict(spec.polarity(), current, previous);
        Optional<Double> change = verdict == Verdict.NOT_COMPARABLE ? Optional.empty()
                : change(spec.unit(), current.orElseThrow().value(), previous.orElseThrow().value());
        Optional<Double> target = spec.hasFrtTarget()
                ? filters.channel().flatMap(config::frtTarget).map(Long::doubleValue)
                : Optional.empty();
        Optional<Double> margin = spec == KpiSpec.NPS
                ? history.find(week, breakdown, value, Kpi.NPS_MARGIN_OF_ERROR).map(WeeklyKpi::value)
                : Optional.empty();
        boolean zeroBusinessTime = spec == KpiSpec.FRT_BUSINESS_MEDIAN
                && current.map(WeeklyKpi::value).filter(v -> v == 0).isPresent();
        Optional<Double> afterHours = zeroBusinessTime
                ? history.find(week, breakdown, value, Kpi.AFTER_HOURS_SHARE).map(WeeklyKpi::value)
                : Optional.empty();
        return new Tile(spec, current, previous, change, verdict, target, margin, afterHours);
    }

    /**
     * Colour of the change. Incomplete values are never compared with anything
     * (docs/kpis.md#incomplete-weeks), nor are missing ones
     * (docs/kpis.md#missing-data-is-not-zero).
     */
    static Verdict verdict(Polarity polarity, Optional<WeeklyKpi> current, Optional<WeeklyKpi> previous) {
        if (current.isEmpty() || previous.isEmpty() || current.get().incomplete() || previous.get().incomplete()) {
            return Verdict.NOT_COMPARABLE;
        }
        int direction = Double.compare(current.get().value(), previous.get().value());
        if (direction == 0 || polarity == Polarity.NEUTRAL) {
            return Verdict.NEUTRAL;
        }
        boolean up = direction > 0;
        return up == (polarity == Polarity.HIGHER_IS_BETTER) ? Verdict.GOOD : Verdict.BAD;
    }

    static Optional<Double> change(Unit unit, double current, double previous) {
        if (!unit.relativeChange()) {
            return Optional.of(current - previous);
        }
        return previous == 0 ? Optional.empty() : Optional.of((current - previous) / previous);
    }
}
