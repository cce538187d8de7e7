package org.cskpi.ingest.validate;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cskpi.ingest.canonical.Tickets;

/**
 * Staged rows after validation: the typed ticket columns of {@code Tickets.SCHEMA} (null on
 * a quarantined row), where the row came from, and the verdict.
 */
public final class Validated {

    public static final String FILE = "_file";
    public static final String FILE_INDEX = "_file_index";
    public static final String LINE = "_line";
    public static final String RAW = "_raw";
    /** Short reason for the summary ("unparseable timestamp"); null when the row is accepted. */
    public static final String REASON_KIND = "_reason_kind";
    /** The {@link #REASON_KIND} of a row that fails the whole run (its reason is the message). */
    public static final String FATAL_KIND = "fatal";
    /** Full reason naming the field and the text; null when the row is accepted. */
    public static final String REASON = "_reason";
    public static final String HAS_UNKNOWN_CHANNEL = "has_unknown_channel";
    public static final String DST_GAPS = "_dst_gaps";
    public static final String DST_OVERLAPS = "_dst_overlaps";
    /**
     * The customer's e-mail address in clear, when the export has one, on an accepted row:
     * only for the store's survey contacts (docs/mail.md#contacts), never written to the
     * warehouse, whose {@code customer_id} is the pseudonym.
     */
    public static final String CUSTOMER_ADDRESS = "_customer_address";

    public static final StructType SCHEMA = schema();

    private Validated() {
    }

    private static StructType schema() {
        StructType schema = new StructType();
        for (StructField field : Tickets.SCHEMA.fields()) {
            schema = schema.add(field.name(), field.dataType(), true);
        }
        return schema
                .add(FILE, DataTypes.StringType, false)
                .add(FILE_INDEX, DataTypes.IntegerType, false)
                .add(LINE, DataTypes.LongType, false)
                .add(RAW, DataTypes.StringType, true)
                .add(REASON_KIND, DataTypes.StringType, true)
                .add(REASON, DataTypes.StringType, true)
                .add(HAS_UNKNOWN_CHANNEL, DataTypes.BooleanType, false)
                .add(DST_GAPS, DataTypes.IntegerType, false)
                .add(DST_OVERLAPS, DataTypes.IntegerType, false)
                .add(CUSTOMER_ADDRESS, DataTypes.StringType, true);
    }
}
