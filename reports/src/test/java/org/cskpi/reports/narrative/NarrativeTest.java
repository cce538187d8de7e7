package org.cskpi.reports.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.StoreRows;
import org.cskpi.reports.data.Filters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generated sentences, on hand-made stores with the expected wording worked out by hand. */
class NarrativeTest {

    private static final CskpiConfig CONFIG = CskpiConfig.defaults(Path.of("data"));
    private final StoreRows rows = StoreRows.fresh();

    @AfterEach
    void close() {
        rows.store().close();
    }

    private List<String> sentences(Filters filters) {
        return ReportBuilder.build(rows.dsl(), CONFIG, IsoWeek.parse("2026-W47"), filters).sentences();
    }

    @Test
    void tells_the_three_largest_changes_largest_first() {
        rows.all("2026-W46", "volume", 500, 500).all("2026-W47", "volume", 520, 520)   // +4%: too small
                .all("2026-W46", "frt_median_s", 120, 480).all("2026-W47", "frt_median_s", 150, 500) // +25%
                .all("2026-W46", "resolution_rate", 0.80, 500).all("2026-W47", "resolution_rate", 0.70, 520)
                // -10 points = 12.5% of 80%: fourth, so not told
                .all("2026-W46", "nps", 30, 100).all("2026-W47", "nps", 20, 110)  // -10 points: size 10/50 = 20%
                .all("2026-W47", "nps_margin_of_error", 9.1, 110)
                .all("2026-W46", "repeat_contact_rate", 0.10, 100)
                .all("2026-W47", "repeat_contact_rate", 0.30, 20)                 // small sample: never told
                .kpi("2026-W46", "channel", "chat", "frt_median_s", 93, 200)
                .kpi("2026-W47", "channel", "chat", "frt_median_s", 130, 210)       // (130-93)/93 = +39.8%
                .kpi("2026-W46", "channel", "email", "frt_median_s", 3600, 200)
                .kpi("2026-W47", "channel", "email", "frt_median_s", 3700, 210);    // +2.8%: too small

        assertThat(sentences(Filters.none())).containsExactly(
                "Chat FRT median rose 40% to 2 min 10 s, above the 1 min target.",
                "FRT median rose 25% to 2 min 30 s.",
                "NPS fell 10 points to +20 (\u00b19, 110 answers).");
    }

    @Test
    void a_rate_change_is_told_in_points() {
        rows.all("2026-W46", "volume", 500, 500).all("2026-W47", "volume", 500, 500)
                .all("2026-W46", "resolution_rate", 0.80, 500).all("2026-W47", "resolution_rate", 0.70, 500);

        assertThat(sentences(Filters.none())).containsExactly("Resolution rate fell 10.0 points to 70.0%.");
    }

    @Test
    void a_channel_report_compares_the_channels_frt_with_its_target() {
        rows.all("2026-W47", "volume", 500, 500)
                .kpi("2026-W46", "channel", "chat", "frt_median_s", 50, 200)
                .kpi("2026-W47", "channel", "chat", "frt_median_s", 55, 210);   // +10%: 55 s is within 60 s

        assertThat(sentences(Filters.channel("chat")))
                .containsExactly("FRT median rose 10% to 55 s, within the 1 min target.");
    }

    @Test
    void an_incomplete_week_says_so_and_compares_nothing() {
        rows.all("2026-W46", "volume", 500, 500).all("2026-W46", "frt_median_s", 60, 480)
                .kpi("2026-W47", "all", "all", "volume", 100, 100, true)
                .kpi("2026-W47", "all", "all", "frt_median_s", 600, 90, true);

        assertThat(sentences(Filters.none())).containsExactly(
                "2026-W47 is incomplete: its figures run to the data cut-off and are not compared with 2026-W46.");
    }

    @Test
    void a_quiet_week_says_nothing_moved() {
        rows.all("2026-W46", "volume", 500, 500).all("2026-W47", "volume", 510, 510)
                .all("2026-W46", "nps", 40, 100).all("2026-W47", "nps", 43, 100);   // 3 points = 6%

        assertThat(sentences(Filters.none()))
                .containsExactly("No headline figure moved by 10% or more against 2026-W46.");
    }
}
