package org.cskpi.reports.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cskpi.config.IsoWeek;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.store.kpi.Kpi;
import org.junit.jupiter.api.Test;

class KpiHistoryTest {

    private static final IsoWeek W46 = IsoWeek.parse("2026-W46");
    private static final IsoWeek W47 = IsoWeek.parse("2026-W47");

    private static WeeklyKpi row(String week, String breakdown, String value, String kpi, double v) {
        return new WeeklyKpi(week, breakdown, value, kpi, v, 100, false, false);
    }

    private static final KpiHistory HISTORY = new KpiHistory(List.of(
            row("2026-W46", "channel", "email", "volume", 10),
            row("2026-W46", "channel", "chat", "volume", 20),
            row("2026-W47", "channel", "phone", "volume", 30),
            row("2026-W47", "channel", "chat", "volume", 40),
            row("2026-W47", "channel", "chat", "nps", 12),
            row("2026-W47", "team", "Billing", "volume", 50)));

    @Test
    void values_of_a_week_are_that_weeks_breakdown_values_sorted_once_each() {
        assertThat(HISTORY.values(W47, Breakdown.CHANNEL)).containsExactly("chat", "phone");
        assertThat(HISTORY.values(W46, Breakdown.CHANNEL)).containsExactly("chat", "email");
        assertThat(HISTORY.values(W47, Breakdown.TEAM)).containsExactly("Billing");
        assertThat(HISTORY.values(IsoWeek.parse("2026-W48"), Breakdown.CHANNEL)).isEmpty();
        assertThat(HISTORY.values(W47, Breakdown.AGENT)).isEmpty();
    }

    @Test
    void values_of_several_weeks_are_their_union_sorted() {
        assertThat(HISTORY.values(List.of(W46, W47), Breakdown.CHANNEL)).containsExactly("chat", "email", "phone");
        assertThat(HISTORY.values(List.of(), Breakdown.CHANNEL)).isEmpty();
    }

    @Test
    void find_looks_up_one_row_by_week_breakdown_value_and_kpi() {
        assertThat(HISTORY.find(W47, Breakdown.CHANNEL, "chat", Kpi.NPS)).map(WeeklyKpi::value).hasValue(12.0);
        assertThat(HISTORY.find(W46, Breakdown.CHANNEL, "chat", Kpi.NPS)).isEmpty();
    }

    @Test
    void find_all_is_the_whole_operation_row() {
        KpiHistory history = new KpiHistory(List.of(row("2026-W47", "all", "all", "volume", 70),
                row("2026-W47", "channel", "all", "nps", 5)));
        assertThat(history.findAll(W47, Kpi.VOLUME)).map(WeeklyKpi::value).hasValue(70.0);
        assertThat(history.findAll(W47, Kpi.NPS)).as("a channel named all is not the whole operation").isEmpty();
    }
}
