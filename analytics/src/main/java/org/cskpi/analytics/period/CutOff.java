package org.cskpi.analytics.period;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cskpi.analytics.tidy.Columns;

/**
 * The cut-off (docs/kpis.md#cut-off): the newest {@code updated_at} in the
 * warehouse, a ticket without {@code updated_at} counting with its newest timestamp of any
 * kind; with survey answers only, the newest {@code answered_at}. KPIs are "as of" it.
 */
public final class CutOff {

    private CutOff() {
    }

    /** The cut-off of the tickets, empty when there are none. */
    public static Optional<java.time.Instant> ofTickets(Dataset<Row> tickets) {
        return countAndCutOff(tickets).cutOff();
    }

    /** How many tickets there are and their cut-off (empty when there are none). */
    public record Tickets(long count, Optional<java.time.Instant> cutOff) {
    }

    /** The ticket count and the cut-off from one aggregation, so one Spark job. */
    public static Tickets countAndCutOff(Dataset<Row> tickets) {
        Columns.require(tickets, "tickets", "updated_at", "created_at", "first_response_at", "resolved_at",
                "final_resolved_at");
        Row row = tickets.agg(count(lit(1)), max(coalesce(col("updated_at"), greatest(col("created_at"),
                col("first_response_at"), col("resolved_at"), col("final_resolved_at"))))).first();
        return new Tickets(row.getLong(0), row.isNullAt(1) ? Optional.empty() : Optional.of(Columns.instant(row.get(1))));
    }

    /** The cut-off from survey answers alone, empty when there are none. */
    public static Optional<java.time.Instant> ofAnswers(Dataset<Row> responses) {
        Columns.require(responses, "survey_responses", "answered_at");
        Row row = responses.agg(max(col("answered_at"))).first();
        return row.isNullAt(0) ? Optional.empty() : Optional.of(Columns.instant(row.get(0)));
    }
}
