package org.cskpi.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.ingest.zendesk.ZendeskReader;
import org.cskpi.store.kpi.Breakdown;
import org.cskpi.store.kpi.BreakdownNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest records the export's agent names in the store for the reports, while the tickets keep
 * the agent id (docs/ingest.md#agent-and-team-names).
 */
@ExtendWith(SharedSpark.class)
class AgentNamesIngestTest {

    @Test
    void a_zendesk_ingest_names_its_agents_in_the_store_and_keeps_their_ids_on_tickets(@TempDir Path dir)
            throws Exception {
        Path export = Path.of(getClass().getResource("/zendesk/export").toURI());
        try (IngestRun run = new IngestRun(dir)) {
            run.ingest(new ZendeskReader(), export);

            assertThat(new BreakdownNames(run.store.dsl()).of(Breakdown.AGENT))
                    .containsExactly(Map.entry("601", "Agent Smith"), Map.entry("602", "Admin Jones"));
            assertThat(run.tickets()).extracting(r -> r.<String>getAs("agent_id")).contains("601", "602")
                    .doesNotContain("Agent Smith");
        }
    }
}
