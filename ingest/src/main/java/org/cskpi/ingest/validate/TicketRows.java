package org.cskpi.ingest.validate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.cskpi.ingest.canonical.Messages;
import org.cskpi.ingest.canonical.Staged;
import org.cskpi.ingest.canonical.Tickets;

/** The Dataset steps between staged rows and the tickets to merge: validate, split, dedupe, messages. */
public final class TicketRows {

    private TicketRows() {
    }

    /**
     * Validates every staged row (one output row per input row). A typed map rather than
     * built-in functions: docs/mappings.md#timestamps (patterns tried in order, DST gap and
     * overlap counted) and the keyed hash need java.time and javax.crypto.
     */
    public static Dataset<Row> withValidation(Dataset<Row> staged, TicketValidator validator) {
        Dataset<Row> input = Arrays.asList(staged.columns()).contains(Staged.PROBLEM)
                ? staged : staged.withColumn(Staged.PROBLEM, lit(null).cast(DataTypes.StringType));
        Dataset<Row> aligned = input.select(Staged.SCHEMA_WITH_PROBLEM.fieldNames()[0],
                Arrays.copyOfRange(Staged.SCHEMA_WITH_PROBLEM.fieldNames(), 1, Staged.SCHEMA_WITH_PROBLEM.size()));
        MapPartitionsFunction<Row, Row> check = rows -> new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return validator.validate(rows.next());
            }
        };
        return aligned.mapPartitions(check, Encoders.row(Validated.SCHEMA));
    }

    /** Accepted rows, typed ticket columns plus where they came from (for dedupe order). */
    public static Dataset<Row> filterAccepted(Dataset<Row> validated) {
        return validated.where(col(Validated.REASON).isNull());
    }

    /** Quarantined rows as the quarantine file holds them: file, line, reason, original text. */
    public static Dataset<Row> filterQuarantined(Dataset<Row> validated) {
        return validated.where(col(Validated.REASON).isNotNull())
                .select(col(Validated.FILE).as("file"), col(Validated.LINE).as("line"),
                        col(Validated.REASON).as("reason"), col(Validated.RAW).as("original"));
    }

    /**
     * One row per (source, ticket_id): the newest {@code updated_at} wins, null older than any
     * time, and on a tie the row later in the input (file order, then line) wins
     * (docs/mappings.md#duplicates-and-re-ingesting).
     * Returns {@code Tickets.SCHEMA}'s columns.
     */
    public static Dataset<Row> dedupe(Dataset<Row> accepted) {
        Column newestFirst = col(Tickets.UPDATED_AT).desc_nulls_last();
        Dataset<Row> ranked = accepted.withColumn("_rank", row_number().over(
                Window.partitionBy(Tickets.SOURCE, Tickets.TICKET_ID)
                        .orderBy(newestFirst, col(Validated.FILE_INDEX).desc(), col(Validated.LINE).desc())));
        return ranked.where(col("_rank").equalTo(1)).select(ticketColumns());
    }

    /**
     * Replaces {@code first_response_at} and {@code agent_replies} of tickets that have
     * messages by the first public agent message and the count of public agent messages
     * (docs/architecture.md#messages); tickets without messages keep the export's values.
     */
    public static Dataset<Row> withMessageFacts(Dataset<Row> tickets, Dataset<Row> messages) {
        Column publicAgent = col(Messages.AUTHOR_ROLE).equalTo("agent").and(col(Messages.IS_PUBLIC));
        Dataset<Row> facts = messages.groupBy(Messages.SOURCE, Messages.TICKET_ID).agg(
                min(when(publicAgent, col(Messages.CREATED_AT))).as("_first_agent_reply"),
                count(when(publicAgent, lit(1))).cast(DataTypes.IntegerType).as("_public_agent_replies"));
        Dataset<Row> joined = tickets.join(facts,
                tickets.col(Tickets.SOURCE).equalTo(facts.col(Messages.SOURCE))
                        .and(tickets.col(Tickets.TICKET_ID).equalTo(facts.col(Messages.TICKET_ID))), "left");
        Column hasMessages = facts.col(Messages.TICKET_ID).isNotNull();
        Column[] columns = Arrays.stream(Tickets.SCHEMA.fieldNames()).map(name -> switch (name) {
            case Tickets.FIRST_RESPONSE_AT -> when(hasMessages, col("_first_agent_reply"))
                    .otherwise(tickets.col(name)).as(name);
            case Tickets.AGENT_REPLIES -> when(hasMessages, col("_public_agent_replies"))
                    .otherwise(tickets.col(name)).as(name);
            default -> tickets.col(name);
        }).toArray(Column[]::new);
        return joined.select(columns);
    }

    /** Column names of {@link #contacts}. */
    public static final String CONTACT_EMAIL = "email";

    /**
     * The survey contacts of a run (docs/mail.md#contacts): one row per customer of the accepted
     * rows that has both a {@code customer_id} and an address, with the address and locale of
     * the customer's newest row by {@code updated_at} (else {@code created_at}). Columns:
     * {@code customer_id}, {@code email}, {@code locale}.
     */
    public static Dataset<Row> contacts(Dataset<Row> validated) {
        Column newest = coalesce(col(Tickets.UPDATED_AT), col(Tickets.CREATED_AT));
        return filterAccepted(validated)
                .where(col(Tickets.CUSTOMER_ID).isNotNull().and(col(Validated.CUSTOMER_ADDRESS).isNotNull()))
                .groupBy(col(Tickets.CUSTOMER_ID))
                .agg(max_by(struct(col(Validated.CUSTOMER_ADDRESS).as(CONTACT_EMAIL), col(Tickets.LOCALE)), newest)
                        .as("_newest"))
                .select(col(Tickets.CUSTOMER_ID), col("_newest." + CONTACT_EMAIL).as(CONTACT_EMAIL),
                        col("_newest." + Tickets.LOCALE).as(Tickets.LOCALE));
    }

    static Column[] ticketColumns() {
        List<String> names = Arrays.asList(Tickets.SCHEMA.fieldNames());
        return names.stream().map(name -> col(name)).toArray(Column[]::new);
    }

}
