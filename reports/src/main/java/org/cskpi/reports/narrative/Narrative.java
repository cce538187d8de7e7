package org.cskpi.reports.narrative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.data.KpiHistory;
import org.cskpi.reports.data.WeeklyKpi;
import org.cskpi.reports.format.Figures;
import org.cskpi.reports.tiles.KpiSpec;
import org.cskpi.reports.tiles.Tile;
import org.cskpi.reports.tiles.Unit;
import org.cskpi.reports.tiles.Verdict;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.store.kpi.Kpi;

/**
 * A few sentences on what changed most against the previous week, e.g. "Chat FRT median rose
 * 40% to 2 min 10 s, above the 1 min target."
 *
 * <p>Candidates are the headline tiles and, for the whole operation, each channel's FRT median.
 * A change's size is relative to the previous value (NPS: points / 50, so 5 points weighs as
 * much as 10%). Only changes of at least 10% are told, largest first, at most {@value #MAX}.
 * Incomplete and small-sample values are never told (docs/kpis.md#reading-the-figures-in-reports).
 */
public final class Narrative {

    static final int MAX = 3;
    static final double THRESHOLD = 0.10;
    private static final double NPS_POINTS_PER_UNIT = 50;

    /**
     * One comparable week-on-week change of a headline figure or a channel's FRT median.
     *
     * @param noun     what changed, as at the start of a sentence ("Chat FRT median")
     * @param rose     whether the value went up
     * @param by       how much, as the sentence says it: "40%", "3.2 points" (rates), "8 points" (NPS)
     * @param size     the weight it is ranked by: relative to the previous value, NPS points / 50
     * @param sentence the sentence the report tells it in
     */
    public record Change(String noun, boolean rose, String by, double size, String sentence) {

        /** A few words for a mail subject: "Chat FRT median up 40%". */
        public String brief() {
            return noun + (rose ? " up " : " down ") + by;
        }
    }

    private Narrative() {
    }

    /** The sentences of {@link #changes}, or why there are none (an incomplete week, a quiet one). */
    public static List<String> sentences(List<Tile> tiles, List<Change> changes, IsoWeek week) {
        Optional<Tile> volume = tiles.stream().filter(t -> t.spec() == KpiSpec.VOLUME).findFirst();
        if (volume.map(Tile::incomplete).orElse(false)) {
            return List.of(week + " is incomplete: its figures run to the data cut-off and are not compared with "
                    + week.previous() + ".");
        }
        List<String> told = changes.stream()
                .filter(c -> c.size() >= THRESHOLD)
                .limit(MAX)
                .map(Change::sentence)
                .toList();
        if (told.isEmpty()) {
            return List.of("No headline figure moved by 10% or more against " + week.previous() + ".");
        }
        return told;
    }

    /**
     * Every change that may be told, largest first, however small: comparable (both weeks
     * complete and present), no small sample in either week, and not from 0.
     */
    public static List<Change> changes(List<Tile> tiles, KpiHistory history, IsoWeek week,
                                       boolean wholeOperation, Map<String, Long> frtTargets) {
        List<Change> candidates = new ArrayList<>();
        for (Tile tile : tiles) {
            if (tile.verdict() != Verdict.NOT_COMPARABLE && !tile.smallSample()
                    && !tile.previous().orElseThrow().smallSample()) {
                candidate(tile.spec().noun(), tile.spec().unit(), tile.current().orElseThrow(),
                        tile.previous().orElseThrow(), tile.target(), tile.marginOfError())
                        .ifPresent(candidates::add);
            }
        }
        if (wholeOperation) {
            for (String channel : history.values(week, Breakdown.CHANNEL)) {
                Optional<WeeklyKpi> now = history.find(week, Breakdown.CHANNEL, channel, Kpi.FRT_MEDIAN_S);
                Optional<WeeklyKpi> before = history.find(week.previous(), Breakdown.CHANNEL, channel,
                        Kpi.FRT_MEDIAN_S);
                if (comparable(now, before)) {
                    Optional<Double> target = Optional.ofNullable(frtTargets.get(channel)).map(Long::doubleValue);
                    candidate(capitalised(channel) + " FRT median", Unit.DURATION, now.get(), before.get(), target,
                            Optional.empty()).ifPresent(candidates::add);
                }
            }
        }
        return candidates.stream().sorted(Comparator.comparingDouble(Change::size).reversed()).toList();
    }

    private static boolean comparable(Optional<WeeklyKpi> now, Optional<WeeklyKpi> before) {
        return now.isPresent() && before.isPresent() && !now.get().incomplete() && !before.get().incomplete()
                && !now.get().smallSample() && !before.get().smallSample();
    }

    static Optional<Change> candidate(String noun, Unit unit, WeeklyKpi now, WeeklyKpi before,
                                         Optional<Double> target, Optional<Double> margin) {
        double delta = now.value() - before.value();
        if (delta == 0 || (unit != Unit.SCORE && before.value() == 0)) {
            return Optional.empty();
        }
        String verb = delta > 0 ? "rose" : "fell";
        String by;
        double size;
        if (unit == Unit.SCORE) {
            size = Math.abs(delta) / NPS_POINTS_PER_UNIT;
            by = Math.round(Math.abs(delta)) + " points";
        } else if (unit == Unit.RATE) {
            size = Math.abs(delta / before.value());
            by = String.format(Locale.ROOT, "%.1f points", Math.abs(delta) * 100);
        } else {
            size = Math.abs(delta / before.value());
            by = Math.round(size * 100) + "%";
        }
        StringBuilder s = new StringBuilder(noun).append(' ').append(verb).append(' ').append(by)
                .append(" to ").append(unit.format(now.value()));
        target.ifPresent(t -> s.append(now.value() > t ? ", above the " : ", within the ")
                .append(Figures.duration(t)).append(" target"));
        margin.ifPresent(m -> s.append(" (\u00b1").append(Math.round(m)).append(", ")
                .append(now.sampleSize()).append(" answers)"));
        return Optional.of(new Change(noun, delta > 0, by, size, s.append('.').toString()));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
