package org.cskpi.ingest.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.csv.HeaderPolicy;
import org.cskpi.ingest.mapping.MappingParser;
import org.cskpi.ingest.mapping.MappingTarget;
import org.cskpi.store.RunLog;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponsesImportTest {

    @TempDir
    Path dir;

    private final Store store = Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));

    @AfterEach
    void close() {
        store.close();
    }

    private ResponsesImport.Summary importPlain(Path file) {
        return job().run(file.toString(), ResponsesImport.canonicalMapping(), HeaderPolicy.CANONICAL,
                new ResponseRules(ZoneId.of("UTC"), Optional.of("k")));
    }

    private ResponsesImport job() {
        return new ResponsesImport(store.dsl(), new RunLog(store.dsl(), Clock.systemUTC()), dir.resolve("quarantine"));
    }

    @Test
    void imports_valid_answers_and_quarantines_bad_scores_with_their_lines() throws Exception {
        Path file = dir.resolve("nps.csv");
        Files.writeString(file, String.join("\n",
                "ticket_id,customer_id,score,comment,answered_at,locale",
                "T-1,,9,\"Great, fast\",2026-03-02T10:00:00Z,en",   // 2 ok
                ",C-7,0,,2026-03-02T11:00:00+01:00,nb",             // 3 ok, customer only
                "T-3,,NA,,2026-03-02T10:00:00Z,en",                 // 4 NA
                "T-4,,7.5,,2026-03-02T10:00:00Z,en",                // 5 decimal
                "T-5,,11,,2026-03-02T10:00:00Z,en",                 // 6 out of range
                ",,8,,2026-03-02T10:00:00Z,en",                     // 7 no subject
                "T-7,,8,,last week,en",                             // 8 unparseable
                "T-8,,-1,,2026-03-02T10:00:00Z,en",                 // 9 negative
                "T-9,,8") + "\n");                                  // 10 field count
        ResponsesImport.Summary summary = importPlain(file);

        assertThat(summary.read()).isEqualTo(9);
        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.read()).isEqualTo(summary.imported() + summary.duplicates() + summary.quarantinedRows());
        assertThat(summary.quarantined()).isEqualTo(Map.of("score is not an integer 0-10", 4L,
                "missing ticket_id and customer_id", 1L, "unparseable answered_at", 1L, "field count mismatch", 1L));
        var rows = store.dsl().selectFrom(SURVEY_RESPONSES).orderBy(SURVEY_RESPONSES.ID).fetch();
        assertThat(rows).extracting(r -> r.getTicketId() + "|" + r.getCustomerId() + "|" + r.getScore() + "|" + r.getComment()
                        + "|" + r.getLocale() + "|" + r.getAnsweredAt().toInstant() + "|" + r.getOrigin() + "|" + (r.getRunId() == summary.runId()))
                .containsExactly("T-1|null|9|Great, fast|en|2026-03-02T10:00:00Z|import|true",
                        "null|C-7|0|null|nb|2026-03-02T10:00:00Z|import|true");
        List<String> quarantine = Files.readAllLines(summary.quarantineFile().orElseThrow());
        assertThat(quarantine).hasSize(8);
        assertThat(quarantine.get(1)).isEqualTo("\"" + file + "\",\"4\",\"score is not an integer 0-10: \"\"NA\"\"\",\"T-3,,NA,,2026-03-02T10:00:00Z,en\"");
        assertThat(quarantine.get(7)).startsWith("\"" + file + "\",\"10\",\"field count 3 differs from the header's 6\"");
    }

    @Test
    void reimporting_the_same_file_adds_nothing() throws Exception {
        Path file = dir.resolve("nps.csv");
        Files.writeString(file, "ticket_id,score,answered_at\nT-1,9,2026-03-02T10:00:00Z\nT-2,3,2026-03-02T10:00:00Z\n"
                + "T-2,3,2026-03-02T10:00:00Z\n");
        ResponsesImport.Summary first = importPlain(file);
        assertThat(first.imported()).isEqualTo(2);
        assertThat(first.duplicates()).isEqualTo(1); // the repeated T-2 row
        ResponsesImport.Summary second = importPlain(file);
        assertThat(second.imported()).isZero();
        assertThat(second.duplicates()).isEqualTo(3);
        assertThat(store.dsl().fetchCount(SURVEY_RESPONSES)).isEqualTo(2);
    }

    @Test
    void delighted_windows_1252_example_imports_through_its_mapping() {
        Path examples = Path.of("..", "examples", "mappings");
        ResponsesImport.Summary summary = job().run(examples.resolve("delighted-responses.csv").toString(),
                MappingParser.read(examples.resolve("delighted-responses.yaml"), MappingTarget.RESPONSES),
                HeaderPolicy.MAPPED, new ResponseRules(ZoneId.of("UTC"), Optional.empty()));
        assertThat(summary.imported()).isEqualTo(3);
        // Berlin is UTC+1 in early March: 02/03/2026 18:00 -> 17:00Z.
        assertThat(store.dsl().selectFrom(SURVEY_RESPONSES).orderBy(SURVEY_RESPONSES.ANSWERED_AT).fetch())
                .extracting(r -> r.getTicketId() + "|" + r.getCustomerId() + "|" + r.getScore() + "|" + r.getComment()
                        + "|" + r.getLocale() + "|" + r.getAnsweredAt().toInstant())
                .containsExactly("35436|p-10|10|Très rapide, merci !|fr|2026-03-02T17:00:00Z",
                        "35437|p-11|6|Le remboursement a pris 3 semaines|fr|2026-03-03T07:15:00Z",
                        "null|p-12|9|null|de|2026-03-03T11:30:00Z");
    }

    @Test
    void a_file_without_score_column_is_an_error_and_imports_nothing() throws Exception {
        Path file = dir.resolve("nps.csv");
        Files.writeString(file, "ticket_id,answered_at\nT-1,2026-03-02T10:00:00Z\n");
        assertThatThrownBy(() -> importPlain(file)).isInstanceOf(UserError.class)
                .hasMessage(file + ": column \"score\" (for score) is not in the file; its header has: ticket_id, answered_at");
        assertThat(store.dsl().fetchCount(SURVEY_RESPONSES)).isZero();
    }
}
