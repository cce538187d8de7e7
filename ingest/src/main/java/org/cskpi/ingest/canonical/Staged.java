package org.cskpi.ingest.canonical;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Staged ticket rows: what every source reader hands to the common validation step, before
 * types are checked. One row per input record (an event log may hold several per ticket).
 *
 * <p>All ticket fields are text exactly as the reader found them after its own format rules
 * (trimmed; null where absent or a null value). {@code channel} and {@code status} are already
 * mapped to canonical names where the reader knows its help desk's values (Zendesk's
 * {@code voice} to {@code phone}), with the help desk's own value in {@code raw_channel} /
 * {@code raw_status}. {@code customer_email} is the customer's address when the export has
 * one: when the export identifies the customer only by e-mail, validation replaces it by a
 * keyed hash in {@code customer_id}; the warehouse never stores it, only the store's survey
 * contacts do (docs/mail.md#contacts). {@code _file}, {@code _line} and {@code _raw} say where the row came from, for
 * quarantine and error messages ({@code _line}: line number in a text file, record number in
 * a JSON file, both 1-based).
 */
public final class Staged {

    public static final String CUSTOMER_EMAIL = "customer_email";
    public static final String FILE = "_file";
    public static final String LINE = "_line";
    public static final String RAW = "_raw";
    /**
     * Optional column: why a record could not be staged into fields (e.g. a field count that
     * differs from the header's). Validation quarantines such rows with this text as the reason.
     * Readers whose records always split cleanly may leave it out.
     */
    public static final String PROBLEM = "_problem";
    /**
     * Prefix of a {@link #PROBLEM} that fails the whole run: a reader that cannot go on with a
     * file (truncated gzip, invalid bytes) emits one row whose problem is this prefix plus a
     * one-line message naming the file, rather than failing its Spark task (whose stack trace
     * would reach the user's terminal through Spark's logs). Throwing a UserError works too.
     */
    public static final String FATAL = "fatal: ";

    /** The ticket fields, all strings, in this order. */
    public static final List<String> FIELDS = List.of(
            Tickets.SOURCE, Tickets.TICKET_ID, Tickets.CUSTOMER_ID, CUSTOMER_EMAIL, Tickets.CHANNEL,
            Tickets.CATEGORY, Tickets.PRIORITY, Tickets.AGENT_ID, Tickets.TEAM, Tickets.STATUS,
            Tickets.CREATED_AT, Tickets.FIRST_RESPONSE_AT, Tickets.RESOLVED_AT, Tickets.FINAL_RESOLVED_AT,
            Tickets.REOPENS, Tickets.AGENT_REPLIES, Tickets.UPDATED_AT, Tickets.LOCALE,
            Tickets.RAW_CHANNEL, Tickets.RAW_STATUS);

    public static final StructType SCHEMA = schema();
    /** {@link #SCHEMA} plus the optional {@link #PROBLEM} column. */
    public static final StructType SCHEMA_WITH_PROBLEM = SCHEMA.add(PROBLEM, DataTypes.StringType, true);

    /**
     * How readers write a timestamp they derived: ISO-8601 with offset. A Spark datetime
     * pattern, whose {@code XXX} prints the offset as {@code Z} for UTC or as {@code +01:00}.
     */
    private static final String ISO_WITH_OFFSET = "yyyy-MM-dd'T'HH:mm:ssXXX";

    private Staged() {
    }

    /** A column as staged text: trimmed, null when blank. */
    public static Column text(Column value) {
        return functions.nullif(functions.trim(value), functions.lit(""));
    }

    /** A timestamp column as staged text, ISO-8601 with offset; null stays null. */
    public static Column isoText(Column timestamp) {
        return functions.date_format(timestamp, ISO_WITH_OFFSET);
    }

    private static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (String name : FIELDS) {
            fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField(FILE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(LINE, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(RAW, DataTypes.StringType, true));
        return new StructType(fields.toArray(StructField[]::new));
    }
}
