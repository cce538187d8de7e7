package org.cskpi.analytics.tidy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Input checks for the KPI functions: each names the columns it needs before it runs. */
public final class Columns {

    private Columns() {
    }

    /** Throws IllegalArgumentException naming the missing columns of {@code what}. */
    public static void require(Dataset<Row> data, String what, String... columns) {
        List<String> present = Arrays.asList(data.columns());
        List<String> missing = new ArrayList<>();
        for (String column : columns) {
            if (!present.contains(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(what + " lacks column(s) " + missing + "; it has " + present);
        }
    }

    /** A Spark timestamp value as an Instant, whichever Java type the session returns. */
    public static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }
}
