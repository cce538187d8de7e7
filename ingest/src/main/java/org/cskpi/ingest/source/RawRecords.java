package org.cskpi.ingest.source;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cskpi.ingest.canonical.Staged;

/**
 * The records of JSON export files before they are parsed, one row each: the file, the
 * record's number in it (1-based) and the record's text. The names are the staged rows' own,
 * which keep them to say where a row came from.
 */
public final class RawRecords {

    public static final String FILE = Staged.FILE;
    public static final String LINE = Staged.LINE;
    public static final String RAW = Staged.RAW;
    public static final StructType SCHEMA = new StructType()
            .add(FILE, DataTypes.StringType, false)
            .add(LINE, DataTypes.LongType, false)
            .add(RAW, DataTypes.StringType, true);

    private RawRecords() {
    }

    /** The three columns as a staged row keeps them, to say where it came from. */
    public static List<Column> origin() {
        return List.of(col(FILE).as(Staged.FILE), col(LINE).as(Staged.LINE), col(RAW).as(Staged.RAW));
    }
}
