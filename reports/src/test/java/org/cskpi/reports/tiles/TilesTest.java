package org.cskpi.reports.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.StoreRows;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.html.HtmlReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each headline tile's numbers and arrow colour, read from a hand-made KPI store. */
class TilesTest {

    private static final CskpiConfig CONFIG = CskpiConfig.defaults(Path.of("data"));
    private final StoreRows rows = StoreRows.fresh();

    @AfterEach
    void close() {
        rows.store().close();
    }

    private void twoWeeks() {
        rows.all("2026-W46", "volume", 500, 500).all("2026-W47", "volume", 550, 550)
                .all("2026-W46", "frt_median_s", 120, 480).all("2026-W47", "frt_median_s", 168, 530)
                .all("2026-W46", "frt_business_median_s", 100, 480).all("2026-W47", "frt_business_median_s", 100, 530)
                .all("2026-W46", "frt_within_target_rate", 0.80, 480).all("2026-W47", "frt_within_target_rate", 0.75, 530)
                .all("2026-W46", "resolution_rate", 0.80, 500).all("2026-W47", "resolution_rate", 0.86, 550)
                .all("2026-W47", "one_touch_rate", 0.5, 20)
                .all("2026-W46", "reopen_rate", 0.10, 400).all("2026-W47", "reopen_rate", 0.05, 470)
                .all("2026-W46", "repeat_contact_rate", 0.12, 450).all("2026-W47", "repeat_contact_rate", 0.15, 500)
                .all("2026-W46", "backlog", 40, 40).all("2026-W47", "backlog", 30, 30)
                .all("2026-W46", "nps", 30, 100).all("2026-W47", "nps", 42, 120)
                .all("2026-W47", "nps_margin_of_error", 8.4, 120);
    }

    private Map<KpiSpec, Tile> tiles(Filters filters) {
        WeeklyReport report = ReportBuilder.build(rows.dsl(), CONFIG, IsoWeek.parse("2026-W47"), filters);
        return report.tiles().stream().collect(Collectors.toMap(Tile::spec, Function.identity()));
    }

    @Test
    void every_tile_shows_the_stores_value_and_the_change_against_the_previous_week() {
        twoWeeks();
        Map<KpiSpec, Tile> tiles = tiles(Filters.none());

        assertThat(tiles).hasSize(KpiSpec.values().length);
        // volume 500 -> 550: +10%, no good direction
        assertThat(tiles.get(KpiSpec.VOLUME).value()).contains(550.0);
        assertThat(tiles.get(KpiSpec.VOLUME).change().orElseThrow()).isCloseTo(0.10, within(1e-9));
        assertThat(tiles.get(KpiSpec.VOLUME).verdict()).isEqualTo(Verdict.NEUTRAL);
        // FRT median 120 s -> 168 s: (168 - 120) / 120 = +40%, up is bad
        assertThat(tiles.get(KpiSpec.FRT_MEDIAN).value()).contains(168.0);
        assertThat(tiles.get(KpiSpec.FRT_MEDIAN).change().orElseThrow()).isCloseTo(0.40, within(1e-9));
        assertThat(tiles.get(KpiSpec.FRT_MEDIAN).verdict()).isEqualTo(Verdict.BAD);
        // business FRT unchanged: grey, change 0
        assertThat(tiles.get(KpiSpec.FRT_BUSINESS_MEDIAN).change()).contains(0.0);
        assertThat(tiles.get(KpiSpec.FRT_BUSINESS_MEDIAN).verdict()).isEqualTo(Verdict.NEUTRAL);
        // within target 80% -> 75%: -5 points, down is bad
        assertThat(tiles.get(KpiSpec.FRT_WITHIN_TARGET).change().orElseThrow()).isCloseTo(-0.05, within(1e-9));
        assertThat(tiles.get(KpiSpec.FRT_WITHIN_TARGET).verdict()).isEqualTo(Verdict.BAD);
        // resolution 80% -> 86%: +6 points, up is good
        assertThat(tiles.get(KpiSpec.RESOLUTION_RATE).change().orElseThrow()).isCloseTo(0.06, within(1e-9));
        assertThat(tiles.get(KpiSpec.RESOLUTION_RATE).verdict()).isEqualTo(Verdict.GOOD);
        // reopen 10% -> 5%: down is good; repeat contacts 12% -> 15%: up is bad
        assertThat(tiles.get(KpiSpec.REOPEN_RATE).verdict()).isEqualTo(Verdict.GOOD);
        assertThat(tiles.get(KpiSpec.REPEAT_CONTACT).verdict()).isEqualTo(Verdict.BAD);
        // backlog 40 -> 30: -25%, down is good; backlog itself is the sample: 30 is not small
        assertThat(tiles.get(KpiSpec.BACKLOG).change().orElseThrow()).isCloseTo(-0.25, within(1e-9));
        assertThat(tiles.get(KpiSpec.BACKLOG).verdict()).isEqualTo(Verdict.GOOD);
        assertThat(tiles.get(KpiSpec.BACKLOG).smallSample()).isFalse();
        // NPS 30 -> 42: +12 points, good, with its margin of error
        assertThat(tiles.get(KpiSpec.NPS).change()).contains(12.0);
        assertThat(tiles.get(KpiSpec.NPS).verdict()).isEqualTo(Verdict.GOOD);
        assertThat(tiles.get(KpiSpec.NPS).marginOfError()).contains(8.4);
        assertThat(tiles.get(KpiSpec.NPS).current().orElseThrow().sampleSize()).isEqualTo(120);
    }

    @Test
    void a_business_hours_median_of_0_says_how_many_tickets_arrived_outside_business_hours() {
        // 0 s: at least half the tickets were asked and answered while closed; 71% arrived outside business hours
        rows.all("2026-W47", "volume", 550, 550).all("2026-W47", "frt_business_median_s", 0, 530)
                .all("2026-W47", "after_hours_share", 0.712, 550);
        WeeklyReport report = ReportBuilder.build(rows.dsl(), CONFIG, IsoWeek.parse("2026-W47"), Filters.none());
        Tile business = report.tiles().stream().filter(t -> t.spec() == KpiSpec.FRT_BUSINESS_MEDIAN).findFirst()
                .orElseThrow();

        assertThat(business.afterHoursShare()).contains(0.712);
        assertThat(HtmlReport.body(report)).contains("<div class=\"tile-value\">0 s</div>"
                + "<div class=\"tile-detail\">71% of tickets arrived outside business hours</div>");
    }

    @Test
    void a_business_hours_median_above_0_needs_no_explanation() {
        twoWeeks();
        rows.all("2026-W47", "after_hours_share", 0.712, 550);

        assertThat(tiles(Filters.none()).get(KpiSpec.FRT_BUSINESS_MEDIAN).afterHoursShare()).isEmpty();
    }

    @Test
    void a_kpi_missing_last_week_is_flagged_not_compared() {
        twoWeeks();
        Tile oneTouch = tiles(Filters.none()).get(KpiSpec.ONE_TOUCH);

        assertThat(oneTouch.value()).contains(0.5);
        assertThat(oneTouch.smallSample()).isTrue();
        assertThat(oneTouch.previous()).isEmpty();
        assertThat(oneTouch.verdict()).isEqualTo(Verdict.NOT_COMPARABLE);
        assertThat(oneTouch.change()).isEmpty();
    }

    @Test
    void an_incomplete_week_is_never_compared_with_a_complete_one() {
        rows.all("2026-W46", "volume", 500, 500).all("2026-W46", "frt_median_s", 120, 480)
                .kpi("2026-W47", "all", "all", "volume", 90, 90, true)
                .kpi("2026-W47", "all", "all", "frt_median_s", 60, 80, true);
        Map<KpiSpec, Tile> tiles = tiles(Filters.none());

        assertThat(tiles.get(KpiSpec.VOLUME).incomplete()).isTrue();
        assertThat(tiles.get(KpiSpec.VOLUME).verdict()).isEqualTo(Verdict.NOT_COMPARABLE);
        assertThat(tiles.get(KpiSpec.FRT_MEDIAN).verdict()).isEqualTo(Verdict.NOT_COMPARABLE);
        assertThat(tiles.get(KpiSpec.FRT_MEDIAN).change()).isEmpty();
    }

    @Test
    void a_channel_filter_reads_that_channel_and_shows_its_frt_target() {
        rows.all("2026-W47", "volume", 550, 550)
                .kpi("2026-W46", "channel", "chat", "frt_median_s", 50, 200)
                .kpi("2026-W47", "channel", "chat", "frt_median_s", 130, 210)
                .kpi("2026-W47", "channel", "email", "frt_median_s", 7200, 300);
        Tile frt = tiles(Filters.channel("chat")).get(KpiSpec.FRT_MEDIAN);

        assertThat(frt.value()).contains(130.0);
        // default chat target 60 s (docs/kpis.md#targets); 130 s misses it
        assertThat(frt.target()).contains(60.0);
        assertThat(frt.meetsTarget()).contains(false);
        // 50 -> 130: +160%, bad
        assertThat(frt.change().orElseThrow()).isCloseTo(1.6, within(1e-9));
        assertThat(frt.verdict()).isEqualTo(Verdict.BAD);
    }

    @Test
    void the_whole_operation_has_no_single_frt_target() {
        twoWeeks();
        assertThat(tiles(Filters.none()).get(KpiSpec.FRT_MEDIAN).target()).isEmpty();
    }

    @Test
    void verdict_follows_each_kpis_good_direction() {
        assertThat(List.of(
                verdict(Polarity.LOWER_IS_BETTER, 100, 140),
                verdict(Polarity.LOWER_IS_BETTER, 140, 100),
                verdict(Polarity.HIGHER_IS_BETTER, 0.8, 0.9),
                verdict(Polarity.HIGHER_IS_BETTER, 0.9, 0.8),
                verdict(Polarity.NEUTRAL, 100, 200),
                verdict(Polarity.HIGHER_IS_BETTER, 0.8, 0.8)))
                .containsExactly(Verdict.BAD, Verdict.GOOD, Verdict.GOOD, Verdict.BAD, Verdict.NEUTRAL,
                        Verdict.NEUTRAL);
    }

    private static Verdict verdict(Polarity polarity, double previous, double current) {
        return Tiles.verdict(polarity,
                java.util.Optional.of(new org.cskpi.reports.data.WeeklyKpi("2026-W47", "all", "all", "x", current, 100,
                        false, false)),
                java.util.Optional.of(new org.cskpi.reports.data.WeeklyKpi("2026-W46", "all", "all", "x", previous, 100,
                        false, false)));
    }

    @Test
    void a_relative_change_from_zero_is_not_a_number() {
        assertThat(Tiles.change(Unit.COUNT, 5, 0)).isEmpty();
        assertThat(Tiles.change(Unit.RATE, 0.2, 0)).contains(0.2);
    }
}
