package org.cskpi.reports.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.cskpi.config.BusinessHours;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.data.Complaint;
import org.cskpi.reports.data.HourCell;
import org.cskpi.reports.data.KpiHistory;
import org.cskpi.reports.data.WeeklyKpi;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.store.kpi.Kpi;
import org.junit.jupiter.api.Test;

/**
 * Each chart builder's option JSON against a golden file in src/test/resources/golden, compared
 * as JSON trees. Expected values (worked out by hand) are in the comments. To rewrite the files
 * after a deliberate change: -Dcskpi.golden.update=true, then review the diff.
 */
class ChartsGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<IsoWeek> WEEKS = List.of(IsoWeek.parse("2026-W46"), IsoWeek.parse("2026-W47"));
    private static final KpiHistory HISTORY = new KpiHistory(List.of(
            // chat median 90 s = 1.5 min in W46, no row in W47 (a gap: null, not 0)
            kpi("2026-W46", "channel", "chat", "frt_median_s", 90, 40, false),
            // email median 7200 s = 120 min, then 3600 s = 60 min in an incomplete W47 (label "2026-W47*")
            kpi("2026-W46", "channel", "email", "frt_median_s", 7200, 50, false),
            kpi("2026-W47", "channel", "email", "frt_median_s", 3600, 20, true),
            kpi("2026-W47", "all", "all", "frt_median_s", 3000, 60, true),
            // rates in percent: 80.0 / 12.3, then 85.6 / (no row) null
            kpi("2026-W46", "all", "all", "resolution_rate", 0.8, 100, false),
            kpi("2026-W46", "all", "all", "repeat_contact_rate", 0.123, 90, false),
            kpi("2026-W47", "all", "all", "resolution_rate", 0.856, 60, true),
            // NPS 30 +-10: band 20..40 (low 20, width 20); NPS -95 +-12: band clamped -100..-83 (low -100, width 17)
            kpi("2026-W46", "all", "all", "nps", 30, 100, false),
            kpi("2026-W46", "all", "all", "nps_margin_of_error", 10, 100, false),
            kpi("2026-W47", "all", "all", "nps", -95, 40, false),
            kpi("2026-W47", "all", "all", "nps_margin_of_error", 12, 40, false),
            // NPS by channel in W47: chat "+50 ±20 (n=40)"; email -12.5 rounds half away from zero: "-13 ±35 (n=10)", pale
            kpi("2026-W47", "channel", "chat", "nps", 50, 40, false),
            kpi("2026-W47", "channel", "chat", "nps_margin_of_error", 20.4, 40, false),
            kpi("2026-W47", "channel", "email", "nps", -12.5, 10, false),
            kpi("2026-W47", "channel", "email", "nps_margin_of_error", 35.2, 10, false)));

    private static WeeklyKpi kpi(String week, String breakdown, String value, String kpi, double v, long n,
                                 boolean incomplete) {
        return new WeeklyKpi(week, breakdown, value, kpi, v, n, n < 30, incomplete);
    }

    @Test
    void frt_median_trend_has_gaps_for_missing_weeks_stars_incomplete_ones_and_one_line_per_target() throws IOException {
        // targets: chat 60 s = 1.0 min, email 10800 s = 180.0 min
        ChartSpec chart = TrendCharts.frtByChannel(Kpi.FRT_MEDIAN_S, WEEKS, HISTORY, List.of("chat", "email"),
                Map.of("chat", 60L, "email", 10_800L, "other", 5L));
        assertMatchesGolden(chart);
        assertThat(chart.data().rows()).hasSize(4);
    }

    @Test
    void frt_p90_axis_reaches_the_targets_below_and_above_the_data() throws IOException {
        // p90: chat 5400 s = 90 min, email 7200 s = 120 min; targets chat 60 s = 1 min, email 3 h = 180 min.
        // An invisible series at 0.9 min and 198 min makes ECharts' own range include both target lines.
        KpiHistory p90 = new KpiHistory(List.of(kpi("2026-W46", "channel", "chat", "frt_p90_s", 5400, 40, false),
                kpi("2026-W46", "channel", "email", "frt_p90_s", 7200, 50, false)));
        ChartSpec chart = TrendCharts.frtByChannel(Kpi.FRT_P90_S, WEEKS, p90, List.of("chat", "email"),
                Map.of("chat", 60L, "email", 10_800L));

        JsonNode option = JSON.readTree(chart.optionJson());
        JsonNode range = option.at("/series/2");
        assertThat(range.get("name").asText()).isEqualTo("target range");
        assertThat(range.get("data").toString()).isEqualTo("[[0,0.9],[0,198.0]]");
        assertThat(range.at("/lineStyle/opacity").asInt()).isZero();
        assertThat(option.at("/legend/data").toString()).as("not in the legend").isEqualTo("[\"chat\",\"email\"]");
        assertThat(option.at("/yAxis/min").isMissingNode()).isTrue();
    }

    @Test
    void trend_week_labels_keep_clear_of_the_value_axis_lowest_label() throws IOException {
        // the first week sits under the value axis' lowest label ("0", "0.1"): at ECharts' 8 px they touched
        JsonNode label = JSON.readTree(TrendCharts.rates(WEEKS, HISTORY, Breakdown.ALL, "all").optionJson())
                .at("/xAxis/axisLabel");
        assertThat(label.get("margin").asInt()).isEqualTo(14);
    }

    @Test
    void the_last_week_label_has_room_right_of_the_plot() throws IOException {
        // "2026-W47" is centred on the plot's right edge: with 16 px it was cut to "2026-W4"
        JsonNode grid = JSON.readTree(TrendCharts.rates(WEEKS, HISTORY, Breakdown.ALL, "all").optionJson()).get("grid");
        assertThat(grid.get("right").asInt()).isEqualTo(36);
    }

    @Test
    void rates_trend_is_in_percent() throws IOException {
        assertMatchesGolden(TrendCharts.rates(WEEKS, HISTORY, Breakdown.ALL, "all"));
    }

    @Test
    void nps_trend_band_is_clamped_to_minus_100() throws IOException {
        assertMatchesGolden(TrendCharts.nps(WEEKS, HISTORY, Breakdown.ALL, "all"));
    }

    @Test
    void heatmap_has_every_cell_and_outlines_business_hours() throws IOException {
        // Monday 09:00 has 5 tickets and is business time (Mon-Fri 09-17); Sunday 23:00 has 2, closed
        ChartSpec chart = HeatmapChart.busiestHours("busiest-hours", "Busiest hours",
                List.of(new HourCell(1, 9, 5), new HourCell(7, 23, 2)), BusinessHours.standard(ZoneOffset.UTC));
        assertMatchesGolden(chart);
        assertThat(chart.data().rows()).hasSize(7 * 24);
        // 5 days x 8 hours (09..16) are business hours
        assertThat(chart.data().rows().stream().filter(r -> (Boolean) r.get(4)).count()).isEqualTo(40);
    }

    @Test
    void complaints_show_their_change_coloured_by_direction() throws IOException {
        // billing +25% red, login new (no previous) red, shipping -50% green, refunds +5% grey
        assertMatchesGolden(ComplaintsChart.topComplaints(List.of(
                new Complaint("billing", 10, 0.357, 0.25, 0.1),
                new Complaint("login", 8, 0.286, null, null),
                new Complaint("shipping", 5, 0.179, -0.5, 0.0),
                new Complaint("refunds", 5, 0.179, 0.05, 0.2)), 10));
    }

    @Test
    void nps_distribution_counts_each_score_and_colours_its_group() throws IOException {
        // scores 0, 6, 7, 9, 10, 10 -> counts [1,0,0,0,0,0,1,1,0,1,2]
        ChartSpec chart = NpsCharts.distribution(new long[] {1, 0, 0, 0, 0, 0, 1, 1, 0, 1, 2});
        assertMatchesGolden(chart);
    }

    @Test
    void nps_by_channel_labels_margin_and_answers_and_pales_small_samples() throws IOException {
        ChartSpec chart = NpsCharts.byBreakdown("nps-by-channel", "NPS by channel", HISTORY,
                IsoWeek.parse("2026-W47"), Breakdown.CHANNEL, List.of("chat", "email", "phone"));
        assertMatchesGolden(chart);
        // one row per channel; each label on the other side of zero from its bar, where no bar is
        JsonNode option = JSON.readTree(chart.optionJson());
        assertThat(option.at("/yAxis/type").asText()).isEqualTo("category");
        assertThat(option.at("/series/data/0/label/position").asText()).isEqualTo("left");  // chat +50
        assertThat(option.at("/series/data/1/label/position").asText()).isEqualTo("right"); // email -12.5
    }

    private static void assertMatchesGolden(ChartSpec chart) throws IOException {
        JsonNode actual = JSON.readTree(chart.optionJson());
        String name = "golden/" + chart.id() + ".json";
        if (Boolean.getBoolean("cskpi.golden.update")) {
            Path file = Path.of("src/test/resources", name);
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
        }
        try (InputStream in = ChartsGoldenTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            assertThat(actual).isEqualTo(JSON.readTree(in));
        }
    }
}
