package org.cskpi.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.StoreRows;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.data.DataAsOf;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.export.JsonExport;
import org.cskpi.store.RunLog;
import org.cskpi.store.kpi.Breakdown;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final String HOSTILE = "</script><script>alert(1)</script> & \"quotes\"";
    private final StoreRows rows = StoreRows.fresh();
    private WeeklyReport report;

    @BeforeEach
    void store() {
        rows.all("2026-W46", "volume", 40, 40).all("2026-W47", "volume", 50, 50)
                .all("2026-W46", "frt_median_s", 100, 40).all("2026-W47", "frt_median_s", 130, 50)
                .kpi("2026-W47", "team", "Team <b>", "volume", 50, 50)
                .complaint("2026-W47", "<img src=x onerror=alert(1)>", 50, 1.0, null, null)
                .answer("2026-11-18T10:00:00Z", 2, HOSTILE, "T-1")
                .answer("2026-11-18T11:00:00Z", 9, "great <3", "T-2");
        report = ReportBuilder.build(rows.dsl(), CskpiConfig.defaults(Path.of("data")), IsoWeek.parse("2026-W47"),
                Filters.none());
    }

    @AfterEach
    void close() {
        rows.store().close();
    }

    @Test
    void a_detractor_comment_with_a_script_tag_is_shown_as_text() {
        String page = HtmlReport.page(report, ScriptMode.linked("/assets"));

        assertThat(page).contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
        assertThat(page).doesNotContain("<script>alert(1)");
        assertThat(page).contains("Team &lt;b&gt;");
        // promoters' comments are not listed
        assertThat(page).doesNotContain("great");
    }

    @Test
    void the_header_says_which_cut_off_and_run_the_figures_come_from() {
        assertThat(HtmlReport.body(report)).as("rows that name no run").doesNotContain("as-of");
        rows.publishedBy("2026-W47", "2026-11-26T13:05:00Z", "2026-11-27T01:10:00Z");
        CskpiConfig utc = CskpiConfig.defaults(Path.of("data"));
        WeeklyReport published = ReportBuilder.build(rows.dsl(), utc, IsoWeek.parse("2026-W47"), Filters.none());
        // UTC (the default zone)
        assertThat(HtmlReport.body(published)).contains(
                "<p class=\"sub as-of\">Data as of Thu 26 Nov 2026 13:05 \u00b7 analysed Fri 27 Nov 2026 01:10</p>");
        assertThat(HtmlReport.asOf(new DataAsOf(Optional.empty(), Instant.parse("2026-11-27T01:10:00Z")),
                ZoneId.of("Europe/Oslo"))).isEqualTo("Data analysed Fri 27 Nov 2026 02:10");
    }

    @Test
    void agents_show_their_names_where_ingest_recorded_them_and_their_ids_otherwise() throws Exception {
        rows.kpi("2026-W47", "agent", "601", "volume", 30, 30).kpi("2026-W47", "agent", "777", "volume", 20, 20);
        RunLog runs = new RunLog(rows.dsl(), Clock.systemUTC());
        runs.names().record(Breakdown.AGENT, Map.of("601", "Agent <Smith>"), runs.start("ingest"));
        WeeklyReport named = ReportBuilder.build(rows.dsl(), CskpiConfig.defaults(Path.of("data")),
                IsoWeek.parse("2026-W47"), Filters.none());

        assertThat(HtmlReport.body(named))
                .contains("<td class=\"name\">Agent &lt;Smith&gt; <span class=\"id\">601</span></td>")
                .contains("<td class=\"name\">777</td>");
        JsonNode agents = new ObjectMapper().readTree(JsonExport.toJson(named)).get("agents");
        assertThat(agents.get("columns").get(0).asText()).isEqualTo("agent");
        assertThat(agents.get("columns").get(1).asText()).isEqualTo("name");
        assertThat(agents.get("rows").get(0).get(0).asText()).isEqualTo("601");
        assertThat(agents.get("rows").get(0).get(1).asText()).isEqualTo("Agent <Smith>");
        assertThat(agents.get("rows").get(1).get(1).asText()).isEqualTo("777");
    }

    @Test
    void chart_options_are_json_blocks_with_no_raw_angle_bracket() {
        String page = HtmlReport.page(report, ScriptMode.linked("/assets"));
        Matcher blocks = Pattern.compile("<script type=\"application/json\" id=\"option-([a-z0-9-]+)\">(.*?)</script>",
                Pattern.DOTALL).matcher(page);
        int count = 0;
        while (blocks.find()) {
            count++;
            assertThat(blocks.group(2)).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        }
        assertThat(count).isEqualTo(report.charts().size());
        // the hostile category reaches the chart as escaped JSON text
        assertThat(page).contains("\\u003cimg src=x onerror=alert(1)\\u003e");
    }

    @Test
    void the_linked_page_has_no_inline_script_or_style_for_a_strict_csp() {
        String page = HtmlReport.page(report, ScriptMode.linked("/assets/"));

        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page);
        while (scripts.find()) {
            assertThat(scripts.group(1)).matches(" type=\"application/json\" id=\"option-[a-z0-9-]+\"|"
                    + " src=\"/assets/(echarts\\.min|cskpi-report)\\.js\"");
        }
        assertThat(page).doesNotContain("<style").doesNotContain(" style=").doesNotContainPattern("<[^>]*\\son[a-z]+=");
        assertThat(page).contains("<link rel=\"stylesheet\" href=\"/assets/cskpi-report.css\">");
        assertThat(page).doesNotContain("echarts.apache.org").doesNotContain("cdn");
    }

    @Test
    void the_standalone_page_inlines_echarts_from_the_webjar() {
        String page = HtmlReport.page(report, ScriptMode.inline());

        assertThat(page).contains(ReportAssets.content(ReportAssets.ECHARTS).substring(0, 200));
        assertThat(page).contains("data-chart-state");
        assertThat(page).doesNotContain("src=\"http").doesNotContain("href=\"http");
        assertThat(ReportAssets.echartsVersion()).isEqualTo("5.5.0");
    }

    @Test
    void tiles_show_value_change_and_colour_class() {
        String body = HtmlReport.body(report);

        // FRT 100 s -> 130 s: +30%, bad
        assertThat(body).contains("<div class=\"tile-value\">2 min 10 s</div><div class=\"change bad\">"
                + "\u25b2 30% vs last week</div>");
        // volume 40 -> 50: +25%, neutral
        assertThat(body).contains("<div class=\"change neutral\">\u25b2 25% vs last week</div>");
        // no NPS rows at all: the tile says so instead of 0
        assertThat(body).contains("<div class=\"tile\" data-kpi=\"nps\"><div class=\"tile-label\">NPS</div>"
                + "<div class=\"tile-value\">no data</div>");
    }
}
