package org.cskpi.ingest.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a reader produced.
 *
 * @param tickets   staged rows ({@code Staged.SCHEMA}), one per input record
 * @param messages  canonical messages ({@code Messages.SCHEMA}) when the export has them;
 *                  ingest then derives {@code first_response_at} and {@code agent_replies}
 * @param timestamps how to read the staged timestamp texts
 * @param files     the files read, for the summary
 * @param skipped   records counted and deliberately not used, by reason (e.g. Zendesk
 *                  metrics whose ticket is absent: "orphan ticket_metrics"); never rows of a
 *                  ticket, which go to validation and quarantine instead
 * @param agentNames agent id -> display name, where the export keys agents by id and names them
 *                   (Zendesk's users pages); empty where the agent column already is a name
 *                   (Freshdesk's Agent) or names are not in the export. Reports show the name,
 *                   the KPI rows stay keyed by id (docs/ingest.md#agent-and-team-names).
 */
public record StagedInput(Dataset<Row> tickets, Optional<Dataset<Row>> messages, ReadOptions timestamps,
                          List<String> files, Map<String, Long> skipped, Map<String, String> agentNames) {

    /** An export without agent names. */
    public StagedInput(Dataset<Row> tickets, Optional<Dataset<Row>> messages, ReadOptions timestamps,
                       List<String> files, Map<String, Long> skipped) {
        this(tickets, messages, timestamps, files, skipped, Map.of());
    }
}
