package org.cskpi.reports.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.IsoWeek;
import org.cskpi.config.TicketUrl;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.StoreRows;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.charts.DataTable;
import org.cskpi.reports.data.Filters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {

    private final StoreRows rows = StoreRows.fresh();

    @AfterEach
    void close() {
        rows.store().close();
    }

    private WeeklyReport report() {
        rows.all("2026-W46", "volume", 40, 40).all("2026-W47", "volume", 50, 50)
                .all("2026-W47", "resolution_rate", 0.9, 50)
                .complaint("2026-W47", "=HYPERLINK(\"x\")", 30, 0.6, 0.5, null)
                .complaint("2026-W47", "login, password", 20, 0.4, null, 0.1);
        return ReportBuilder.build(rows.dsl(), CskpiConfig.defaults(Path.of("data")), IsoWeek.parse("2026-W47"),
                Filters.none());
    }

    @Test
    void every_chart_gets_a_csv_file_with_its_data(@TempDir Path dir) throws Exception {
        WeeklyReport report = report();
        List<Path> files = CsvExport.write(report, dir.resolve("csv"));

        assertThat(files).hasSize(report.charts().size() + 3);
        assertThat(Files.readString(dir.resolve("csv/top-complaints.csv"))).isEqualTo(
                "category,tickets,share,change_vs_previous,repeat_contact_rate\r\n"
                        + "\"'=HYPERLINK(\"\"x\"\")\",30,0.6,0.5,\r\n"
                        + "\"login, password\",20,0.4,,0.1\r\n");
        assertThat(Files.readString(dir.resolve("csv/rates-trend.csv")))
                .endsWith("2026-W47,0.9,,false\r\n");
    }

    @Test
    void csv_fields_are_quoted_only_when_needed() {
        assertThat(CsvExport.csv(new DataTable(List.of("a", "b"), List.of(List.of("x\ny", 1.5)))))
                .isEqualTo("a,b\r\n\"x\ny\",1.5\r\n");
        assertThat(CsvExport.field(-3)).isEqualTo("-3");
        assertThat(CsvExport.field("-3")).isEqualTo("'-3");
    }

    @Test
    void the_json_has_tiles_with_null_for_missing_values_and_chart_tables() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonExport.toJson(report()));

        assertThat(json.get("week").asText()).isEqualTo("2026-W47");
        JsonNode volume = json.get("tiles").get(0);
        assertThat(volume.get("kpi").asText()).isEqualTo("volume");
        assertThat(volume.get("current").get("value").asDouble()).isEqualTo(50.0);
        assertThat(volume.get("previous").get("value").asDouble()).isEqualTo(40.0);
        assertThat(volume.get("change").asDouble()).isEqualTo(0.25);
        assertThat(volume.get("verdict").asText()).isEqualTo("neutral");
        JsonNode nps = json.get("tiles").get(9);
        assertThat(nps.get("kpi").asText()).isEqualTo("nps");
        assertThat(nps.get("current").get("value").isNull()).isTrue();
        assertThat(json.get("charts")).hasSize(10);
        JsonNode complaints = json.get("charts").get(6);
        assertThat(complaints.get("id").asText()).isEqualTo("top-complaints");
        assertThat(complaints.get("rows").get(1).get(3).isNull()).isTrue();
    }

    @Test
    void the_json_says_the_cut_off_and_run_time_and_links_tickets() throws Exception {
        WeeklyReport unlinked = report();
        JsonNode before = new ObjectMapper().readTree(JsonExport.toJson(unlinked));
        assertThat(before.get("data_as_of").isNull()).isTrue();
        assertThat(before.get("analysed_at").isNull()).isTrue();

        rows.publishedBy("2026-W47", "2026-11-26T13:05:00Z", "2026-11-27T01:10:00Z")
                .answer("2026-11-18T10:00:00Z", 2, "slow", "T 1");
        CskpiConfig linked = CskpiConfig.defaults(Path.of("data"))
                .withTicketUrl(new TicketUrl(Optional.of("https://help.example/t/{id}")));
        JsonNode json = new ObjectMapper().readTree(JsonExport.toJson(
                ReportBuilder.build(rows.dsl(), linked, IsoWeek.parse("2026-W47"), Filters.none())));
        assertThat(json.get("data_as_of").asText()).isEqualTo("2026-11-26T13:05:00Z");
        assertThat(json.get("analysed_at").asText()).isEqualTo("2026-11-27T01:10:00Z");
        assertThat(json.get("detractor_comments").get(0).get("ticket_url").asText()).isEqualTo("https://help.example/t/T%201");
    }
}
