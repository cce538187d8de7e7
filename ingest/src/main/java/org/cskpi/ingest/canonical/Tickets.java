package org.cskpi.ingest.canonical;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The canonical {@code tickets} table (docs/architecture.md#tickets): one row per ticket,
 * its latest version. Timestamps are UTC instants. Beyond the first design's columns it carries
 * {@code locale} (the customer's language, where the export has it; the survey uses it) and
 * {@code raw_channel} / {@code raw_status}, the help desk's own values before normalising.
 */
public final class Tickets {

    public static final String TICKET_ID = "ticket_id";
    public static final String SOURCE = "source";
    public static final String CUSTOMER_ID = "customer_id";
    public static final String CHANNEL = "channel";
    public static final String CATEGORY = "category";
    public static final String PRIORITY = "priority";
    public static final String AGENT_ID = "agent_id";
    public static final String TEAM = "team";
    public static final String STATUS = "status";
    public static final String CREATED_AT = "created_at";
    public static final String FIRST_RESPONSE_AT = "first_response_at";
    public static final String RESOLVED_AT = "resolved_at";
    public static final String FINAL_RESOLVED_AT = "final_resolved_at";
    public static final String REOPENS = "reopens";
    public static final String AGENT_REPLIES = "agent_replies";
    public static final String UPDATED_AT = "updated_at";
    public static final String LOCALE = "locale";
    public static final String RAW_CHANNEL = "raw_channel";
    public static final String RAW_STATUS = "raw_status";

    public static final List<String> CHANNELS = List.of("email", "chat", "phone", "social", "web", "other");
    public static final List<String> STATUSES = List.of("open", "pending", "solved", "closed");
    public static final String UNCATEGORISED = "uncategorised";

    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField(TICKET_ID, DataTypes.StringType, false),
        DataTypes.createStructField(SOURCE, DataTypes.StringType, false),
        DataTypes.createStructField(CUSTOMER_ID, DataTypes.StringType, true),
        DataTypes.createStructField(CHANNEL, DataTypes.StringType, false),
        DataTypes.createStructField(CATEGORY, DataTypes.StringType, false),
        DataTypes.createStructField(PRIORITY, DataTypes.StringType, true),
        DataTypes.createStructField(AGENT_ID, DataTypes.StringType, true),
        DataTypes.createStructField(TEAM, DataTypes.StringType, true),
        DataTypes.createStructField(STATUS, DataTypes.StringType, false),
        DataTypes.createStructField(CREATED_AT, DataTypes.TimestampType, false),
        DataTypes.createStructField(FIRST_RESPONSE_AT, DataTypes.TimestampType, true),
        DataTypes.createStructField(RESOLVED_AT, DataTypes.TimestampType, true),
        DataTypes.createStructField(FINAL_RESOLVED_AT, DataTypes.TimestampType, true),
        DataTypes.createStructField(REOPENS, DataTypes.IntegerType, true),
        DataTypes.createStructField(AGENT_REPLIES, DataTypes.IntegerType, true),
        DataTypes.createStructField(UPDATED_AT, DataTypes.TimestampType, true),
        DataTypes.createStructField(LOCALE, DataTypes.StringType, true),
        DataTypes.createStructField(RAW_CHANNEL, DataTypes.StringType, true),
        DataTypes.createStructField(RAW_STATUS, DataTypes.StringType, true),
    });

    /** The header of cskpi's canonical CSV (the ingest issue), in order. */
    public static final List<String> CSV_COLUMNS = List.of(TICKET_ID, CUSTOMER_ID, CHANNEL, CATEGORY, PRIORITY,
            AGENT_ID, TEAM, STATUS, CREATED_AT, FIRST_RESPONSE_AT, RESOLVED_AT, FINAL_RESOLVED_AT, REOPENS,
            AGENT_REPLIES, UPDATED_AT);

    private Tickets() {
    }
}
