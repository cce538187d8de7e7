package org.cskpi.batch.invite;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cskpi.ingest.canonical.Tickets;

/** Which tickets get a survey invitation: pure Dataset transformations over canonical tickets. */
public final class ResolvedTickets {

    static final List<String> COLUMNS = List.of(Tickets.SOURCE, Tickets.TICKET_ID, Tickets.CUSTOMER_ID,
            Tickets.LOCALE, Tickets.RESOLVED_AT);

    private ResolvedTickets() {
    }

    /**
     * Tickets with {@code resolved_at} set (and at or after {@code since}, when given), with
     * only the columns an invitation needs, oldest resolution first so that survey fatigue
     * keeps a customer's earliest ticket. Input: canonical {@code tickets}
     * (docs/architecture.md#tickets).
     */
    public static Dataset<Row> filterResolvedSince(Dataset<Row> tickets, Optional<Instant> since) {
        List<String> present = List.of(tickets.columns());
        for (String column : COLUMNS) {
            if (!present.contains(column)) {
                throw new IllegalArgumentException("tickets table lacks column " + column);
            }
        }
        Column resolved = col(Tickets.RESOLVED_AT).isNotNull();
        if (since.isPresent()) {
            resolved = resolved.and(col(Tickets.RESOLVED_AT).geq(Timestamp.from(since.get())));
        }
        return tickets.filter(resolved)
                .select(COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
                .orderBy(col(Tickets.RESOLVED_AT), col(Tickets.SOURCE), col(Tickets.TICKET_ID));
    }
}
