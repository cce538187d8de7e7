package org.cskpi.ingest.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.ingest.job.IngestRun.ts;
import static org.cskpi.ingest.job.IngestRun.values;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.cskpi.ingest.csv.CsvReaders;
import org.cskpi.ingest.job.IngestRun;
import org.cskpi.ingest.job.IngestSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each shipped example in examples/mappings ingests as its comment says. */
class ExampleMappingsTest {

    static final Path EXAMPLES = Path.of("..", "examples", "mappings");

    @TempDir
    Path dir;

    @Test
    void itsm_event_log_keeps_the_newest_row_of_each_incident() {
        try (IngestRun run = new IngestRun(dir)) {
            IngestSummary summary = run.ingest(CsvReaders.mapped(EXAMPLES.resolve("itsm-event-log.yaml")),
                    EXAMPLES.resolve("itsm-event-log.csv"));
            assertThat(summary.rowsRead()).isEqualTo(6);
            assertThat(summary.rowsQuarantined()).isZero();
            assertThat(summary.tickets().created()).isEqualTo(3);
            List<Row> tickets = run.tickets();
            // Amsterdam is UTC+1 in Feb/Mar 2016: 29/02/2016 01:16 -> 00:16Z. The Closed row (updated 05/03 12:00) wins.
            assertThat(values(tickets.get(0))).containsExactly("INC0000045", "servicenow", "Caller 2403", "phone",
                    "category 55", "3 - Moderate", "Resolver 149", "Group 56", "closed", ts("2016-02-29T00:16:00Z"), null,
                    ts("2016-02-29T10:29:00Z"), ts("2016-03-05T11:00:00Z"), 0, null, ts("2016-03-05T11:00:00Z"), null,
                    "Phone", "Closed");
            // Newest row: Awaiting User Info (pending), reopened once, resolved once before.
            assertThat(values(tickets.get(1))).containsExactly("INC0000047", "servicenow", "Caller 2403", "email",
                    "category 40", "3 - Moderate", "Resolver 89", "Group 70", "pending", ts("2016-02-29T03:40:00Z"), null,
                    ts("2016-02-29T14:00:00Z"), null, 1, null, ts("2016-03-01T08:00:00Z"), null, "Email",
                    "Awaiting User Info");
            // "?" is null: no team, agent, priority; reopen_count 0 is known.
            assertThat(values(tickets.get(2))).containsExactly("INC0000057", "servicenow", "Caller 4416", "web",
                    "category 20", null, null, null, "open", ts("2016-02-29T05:10:00Z"), null, null, null, 0, null,
                    ts("2016-02-29T05:10:00Z"), null, "Self service", "New");
        }
    }

    @Test
    void windows_1252_export_decodes_and_maps_french_values() {
        try (IngestRun run = new IngestRun(dir)) {
            IngestSummary summary = run.ingest(CsvReaders.mapped(EXAMPLES.resolve("windows-1252-export.yaml")),
                    EXAMPLES.resolve("windows-1252-export.csv"));
            assertThat(summary.rowsRead()).isEqualTo(3);
            assertThat(summary.rowsQuarantined()).isZero();
            assertThat(summary.unknownChannels()).isEqualTo(1); // "Courrier" (letter) is not mapped
            List<Row> tickets = run.tickets();
            // Paris is UTC+1 in early March: 02.03.2026 09:15 -> 08:15Z. priority is the constant.
            assertThat(values(tickets.get(0))).containsExactly("FR-1", "helpdesk-fr", "C-100", "phone",
                    "réclamation livraison", "normale", "Amélie", "Équipe Sud", "solved", ts("2026-03-02T08:15:00Z"),
                    ts("2026-03-02T08:20:00Z"), ts("2026-03-02T10:00:00Z"), null, null, null, ts("2026-03-02T10:00:00Z"),
                    null, "Téléphone", "Résolu");
            assertThat(values(tickets.get(1))).containsExactly("FR-2", "helpdesk-fr", "C-101", "email", "remboursement",
                    "normale", null, "Équipe Nord", "pending", ts("2026-03-02T09:00:00Z"), null, null, null, null, null,
                    ts("2026-03-03T07:30:00Z"), null, "E-mail", "En attente");
            assertThat(values(tickets.get(2))).containsExactly("FR-3", "helpdesk-fr", "C-100", "other", "facture 20 €",
                    "normale", "Zoé", "Équipe Sud", "open", ts("2026-03-03T13:05:00Z"), null, null, null, null, null,
                    ts("2026-03-03T13:05:00Z"), null, "Courrier", "Ouvert");
        }
    }

    @Test
    void zendesk_ui_csv_export_reads_through_its_mapping() {
        try (IngestRun run = new IngestRun(dir)) {
            IngestSummary summary = run.ingest(CsvReaders.mapped(EXAMPLES.resolve("zendesk-ui-csv.yaml")),
                    EXAMPLES.resolve("zendesk-ui-export.csv"));
            assertThat(summary.rowsRead()).isEqualTo(3);
            assertThat(summary.rowsQuarantined()).isZero();
            List<Row> tickets = run.tickets();
            // "Solved at" feeds resolved_at and final_resolved_at; no first_response_at in the UI export.
            assertThat(values(tickets.get(0))).containsExactly("35436", "zendesk", "20978392", "email", "problem",
                    "Normal", "3120", "Support", "solved", ts("2026-03-02T08:10:00Z"), null, ts("2026-03-02T16:40:00Z"),
                    ts("2026-03-02T16:40:00Z"), 0, 2, ts("2026-03-02T16:45:00Z"), null, "Mail", "Solved");
            assertThat(values(tickets.get(1))).containsExactly("35437", "zendesk", "20978399", "web", "question", "High",
                    null, "Billing", "open", ts("2026-03-02T09:00:00Z"), null, null, null, null, 0,
                    ts("2026-03-02T09:05:00Z"), null, "Web form", "Open");
            assertThat(values(tickets.get(2))).containsExactly("35438", "zendesk", "20978401", "phone", "incident", "Low",
                    "3120", "Support", "closed", ts("2026-03-03T11:30:00Z"), null, ts("2026-03-03T11:50:00Z"),
                    ts("2026-03-03T11:50:00Z"), 1, 1, ts("2026-03-08T00:00:00Z"), null, "Phone call (incoming)", "Closed");
        }
    }
}
