package org.cskpi.ingest.canonical;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The optional canonical {@code messages} table (docs/architecture.md#messages): one row per ticket message. */
public final class Messages {

    public static final String TICKET_ID = "ticket_id";
    public static final String SOURCE = "source";
    public static final String AUTHOR_ROLE = "author_role";
    public static final String IS_PUBLIC = "public";
    public static final String CREATED_AT = "created_at";

    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField(TICKET_ID, DataTypes.StringType, false),
        DataTypes.createStructField(SOURCE, DataTypes.StringType, false),
        DataTypes.createStructField(AUTHOR_ROLE, DataTypes.StringType, false),
        DataTypes.createStructField(IS_PUBLIC, DataTypes.BooleanType, false),
        DataTypes.createStructField(CREATED_AT, DataTypes.TimestampType, false),
    });

    private Messages() {
    }
}
