package org.cskpi.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.charts.ChartSpec;
import org.cskpi.reports.data.Filters;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private static final IsoWeek W47 = IsoWeek.parse("2026-W47");

    @Test
    void trends_of_a_store_with_two_weeks_show_those_two() throws Exception {
        // the demo's data began in W37: a W36 column was empty and its report a 404
        StoreRows rows = StoreRows.fresh().all("2026-W46", "volume", 40, 40).all("2026-W47", "volume", 50, 50);
        try {
            WeeklyReport report = ReportBuilder.build(rows.dsl(), CskpiConfig.defaults(Path.of("data")), W47,
                    Filters.none());
            ChartSpec nps = report.charts().stream().filter(c -> c.id().equals("nps-trend")).findFirst().orElseThrow();

            assertThat(new ObjectMapper().readTree(nps.optionJson()).at("/xAxis/data").toString())
                    .isEqualTo("[\"2026-W46\",\"2026-W47\"]");
            assertThat(nps.title()).isEqualTo("NPS with margin of error, 2 weeks");
        } finally {
            rows.store().close();
        }
    }

    @Test
    void trends_start_at_the_stores_first_week_when_it_has_fewer_than_twelve() {
        assertThat(ReportBuilder.trendWeeks(W47, List.of(IsoWeek.parse("2026-W37"), W47)))
                .hasSize(11).startsWith(IsoWeek.parse("2026-W37")).endsWith(W47);
    }

    @Test
    void trends_show_twelve_weeks_when_the_store_goes_back_further() {
        assertThat(ReportBuilder.trendWeeks(W47, List.of(IsoWeek.parse("2026-W20"), W47)))
                .hasSize(12).startsWith(IsoWeek.parse("2026-W36")).endsWith(W47);
    }
}
