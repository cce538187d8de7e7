package org.cskpi.ingest.zendesk;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.cskpi.ingest.source.RawRecords.FILE;
import static org.cskpi.ingest.source.RawRecords.LINE;
import static org.cskpi.ingest.source.RawRecords.RAW;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cskpi.ingest.source.RawRecords;
import scala.Tuple2;

/**
 * Reads the records under one top-level key of the Zendesk files that have it, as
 * {@code (_file, _line, _raw)}: the file, the record number in it (1-based; the line number
 * in the NDJSON export) and the record's JSON text. Pages are read with Spark's multi-line
 * JSON reader and an explicit schema whose array elements are text, so each record keeps its
 * own JSON; records are then parsed with {@code from_json} and an explicit schema.
 */
final class ZendeskRecords {

    /** The JSON text of the object itself (in the NDJSON export, the line's "ticket" value). */
    static final String JSON = "json";

    private final SparkSession spark;
    private final List<ZendeskFile> files;

    ZendeskRecords(SparkSession spark, List<ZendeskFile> files) {
        this.spark = spark;
        this.files = files;
    }

    boolean any(String... keys) {
        return files.stream().anyMatch(f -> !f.lines() && List.of(keys).stream().anyMatch(f::has));
    }

    /** The records under {@code key} (array or single object), parsed with {@code schema} into {@code r}. */
    Dataset<Row> parsed(String key, StructType schema) {
        return withParsed(raw(key), schema);
    }

    /** Adds {@code r}, the record's {@code json} column parsed with {@code schema}. */
    static Dataset<Row> withParsed(Dataset<Row> records, StructType schema) {
        return records.withColumn("r", from_json(col(JSON), schema, Map.of("mode", "PERMISSIVE")));
    }

    /** Raw records under {@code key} ({@code json} = {@code _raw}); empty when no file has it. */
    Dataset<Row> raw(String key) {
        String[] paths = files.stream().filter(f -> !f.lines() && f.has(key))
                .map(f -> f.path().toString()).toArray(String[]::new);
        if (paths.length == 0) {
            return spark.createDataFrame(List.of(), RawRecords.SCHEMA).withColumn(JSON, col(RAW));
        }
        boolean single = ZendeskFile.SINGLE_KEYS.contains(key);
        StructType envelope = new StructType().add(key,
                single ? DataTypes.StringType : DataTypes.createArrayType(DataTypes.StringType));
        Dataset<Row> pages = spark.read().schema(envelope).option("multiLine", true).json(paths)
                .withColumn(FILE, fileName());
        if (single) {
            return pages.select(col(FILE), lit(1L).as(LINE), col(key).as(RAW), col(key).as(JSON));
        }
        return pages.select(col(FILE), posexplode(col(key)))
                .select(col(FILE), col("pos").plus(1).cast("long").as(LINE), col("col").as(RAW), col("col").as(JSON));
    }

    /**
     * Ticket records of the NDJSON files, numbered by line. Each file is numbered on its own
     * ({@code zipWithIndex} keeps the file's order); blank lines are dropped after numbering.
     */
    Dataset<Row> ticketLines() {
        Dataset<Row> all = spark.createDataFrame(List.of(), RawRecords.SCHEMA);
        for (ZendeskFile file : files) {
            if (!file.lines()) {
                continue;
            }
            String name = file.path().toString();
            JavaRDD<Row> rows = spark.sparkContext().textFile(name, 1).toJavaRDD().zipWithIndex()
                    .map((Tuple2<String, Long> t) -> RowFactory.create(name, t._2() + 1, t._1()));
            all = all.unionByName(spark.createDataFrame(rows, RawRecords.SCHEMA));
        }
        StructType line = new StructType().add(ZendeskFile.TICKET, DataTypes.StringType);
        return all.filter(trim(col(RAW)).notEqual(""))
                .withColumn("line_json", from_json(col(RAW), line, Map.of("mode", "PERMISSIVE")))
                .select(col(FILE), col(LINE), col(RAW), col("line_json").getField(ZendeskFile.TICKET).as(JSON));
    }

    /** The input file as the user named it, not as a {@code file:} URI. */
    static Column fileName() {
        return regexp_replace(input_file_name(), "^file:(//)?", "");
    }
}
