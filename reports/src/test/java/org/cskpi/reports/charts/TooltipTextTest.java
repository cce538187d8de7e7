package org.cskpi.reports.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.cskpi.config.BusinessHours;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.data.HourCell;
import org.cskpi.reports.data.KpiHistory;
import org.cskpi.reports.data.WeeklyKpi;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.store.kpi.Kpi;
import org.junit.jupiter.api.Test;

/**
 * What a manager reads when hovering (issue: "what managers saw"): each data item's {@code tip}
 * with weekday, unit and the stored margin, never an internal series name or a raw number.
 */
class TooltipTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final IsoWeek W47 = IsoWeek.parse("2026-W47");

    @Test
    void a_heatmap_cell_names_its_weekday_hour_and_tickets() throws Exception {
        ChartSpec chart = HeatmapChart.busiestHours("busiest-hours", "Busiest hours",
                List.of(new HourCell(2, 11, 20), new HourCell(7, 23, 1)), BusinessHours.standard(ZoneOffset.UTC));

        JsonNode data = option(chart).at("/series/data");
        assertThat(data.get(24 + 11).get("tip").asText()).isEqualTo("Tue 11:00\u201312:00 \u00b7 20 tickets");
        assertThat(data.get(6 * 24 + 23).get("tip").asText()).isEqualTo("Sun 23:00\u201324:00 \u00b7 1 ticket");
    }

    @Test
    void the_nps_trend_shows_the_stored_margin_and_answers_not_the_band_width() throws Exception {
        // NPS 11.5 ± 7.4: the band is drawn 4.1 to 18.9 (width 14.8), the tooltip says ± 7.4
        KpiHistory history = new KpiHistory(List.of(kpi("all", "all", "nps", 11.5, 89),
                kpi("all", "all", "nps_margin_of_error", 7.4, 89)));

        JsonNode option = option(TrendCharts.nps(List.of(W47), history, Breakdown.ALL, "all"));

        assertThat(option.at("/series/2/data/0/tip").asText()).isEqualTo("NPS +11.5 \u00b1 7.4 (n = 89)");
        assertThat(option.at("/series/0/data/0/tip").isMissingNode()).as("the band's series have no tip").isTrue();
        assertThat(option.at("/series/1/data/0/tip").isMissingNode()).isTrue();
        assertThat(option.at("/tooltip/formatter").asText()).isEqualTo("cskpi:week-tips");
    }

    @Test
    void frt_trends_say_the_channel_statistic_and_duration_in_words() throws Exception {
        // 10,432.8 s = 173.88 min = 2 h 53 min 52.8 s
        KpiHistory history = new KpiHistory(List.of(kpi("channel", "email", "frt_median_s", 10_432.8, 50)));

        JsonNode option = option(TrendCharts.frtByChannel(Kpi.FRT_MEDIAN_S, List.of(W47), history, List.of("email"),
                Map.of("email", 10_800L)));

        assertThat(option.at("/series/0/data/0/value").asDouble()).isEqualTo(173.88);
        assertThat(option.at("/series/0/data/0/tip").asText()).isEqualTo("email \u00b7 median 2 h 54 min");
    }

    private static WeeklyKpi kpi(String breakdown, String value, String kpi, double v, long n) {
        return new WeeklyKpi(W47.toString(), breakdown, value, kpi, v, n, n < 30, false);
    }

    private static JsonNode option(ChartSpec chart) throws Exception {
        return JSON.readTree(chart.optionJson());
    }
}
