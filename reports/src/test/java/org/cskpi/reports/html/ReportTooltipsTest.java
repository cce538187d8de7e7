package org.cskpi.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cskpi.config.CskpiConfig;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.SampleStore;
import org.cskpi.reports.StoreRows;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.charts.ChartSpec;
import org.cskpi.reports.data.Filters;
import org.junit.jupiter.api.Test;

/**
 * Every chart's tooltip is drawn by one of cskpi-report.js's formatters: ECharts' default tooltip
 * HTML has style attributes that the web app's CSP refuses, one console error per hover.
 */
class ReportTooltipsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_chart_names_a_formatter_of_the_report_script_and_stays_inside_the_chart() throws Exception {
        Set<String> defined = new HashSet<>();
        Matcher names = Pattern.compile("'(cskpi:[a-z-]+)'").matcher(ReportAssets.content(ReportAssets.STARTER));
        while (names.find()) {
            defined.add(names.group(1));
        }
        StoreRows rows = SampleStore.fill(StoreRows.fresh());
        try {
            WeeklyReport report = ReportBuilder.build(rows.dsl(), CskpiConfig.defaults(Path.of("data")),
                    SampleStore.LAST_COMPLETE, Filters.none());
            for (ChartSpec chart : report.charts()) {
                JsonNode tooltip = JSON.readTree(chart.optionJson()).get("tooltip");
                assertThat(tooltip.path("formatter").asText()).as(chart.id()).isIn(defined);
                assertThat(tooltip.path("confine").asBoolean()).as(chart.id()).isTrue();
            }
        } finally {
            rows.store().close();
        }
    }
}
