package org.cskpi.ingest.chatwoot;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.cskpi.ingest.source.RawRecords.FILE;
import static org.cskpi.ingest.source.RawRecords.LINE;
import static org.cskpi.ingest.source.RawRecords.RAW;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cskpi.ingest.source.RawRecords;

/**
 * The JSON records of Chatwoot files as {@code (_file, _line, _raw)}: each element of a
 * payload array (record number from 1), or a whole single-conversation file (record 1).
 */
final class ChatwootRecords {


    private ChatwootRecords() {
    }

    static Dataset<Row> read(SparkSession spark, List<ChatwootFile> files) {
        Dataset<Row> list = pages(spark, files, ChatwootFile.Shape.LIST, new StructType().add("data",
                new StructType().add("payload", DataTypes.createArrayType(DataTypes.StringType))), "data.payload");
        Dataset<Row> payload = pages(spark, files, ChatwootFile.Shape.PAYLOAD, new StructType().add("payload",
                DataTypes.createArrayType(DataTypes.StringType)), "payload");
        String[] singles = paths(files, ChatwootFile.Shape.CONVERSATION);
        Dataset<Row> conversations = singles.length == 0 ? empty(spark)
                : spark.read().option("wholetext", true).text(singles)
                        .select(fileName().as(FILE), lit(1L).as(LINE), col("value").as(RAW));
        return list.unionByName(payload).unionByName(conversations);
    }

    private static Dataset<Row> pages(SparkSession spark, List<ChatwootFile> files, ChatwootFile.Shape shape,
                                      StructType envelope, String array) {
        String[] paths = paths(files, shape);
        if (paths.length == 0) {
            return empty(spark);
        }
        return spark.read().schema(envelope).option("multiLine", true).json(paths)
                .select(fileName().as(FILE), posexplode(col(array)))
                .select(col(FILE), col("pos").plus(1).cast("long").as(LINE), col("col").as(RAW));
    }

    private static String[] paths(List<ChatwootFile> files, ChatwootFile.Shape shape) {
        return files.stream().filter(f -> f.shape() == shape).map(f -> f.path().toString()).toArray(String[]::new);
    }

    private static Dataset<Row> empty(SparkSession spark) {
        return spark.createDataFrame(List.of(), RawRecords.SCHEMA);
    }

    static Column fileName() {
        return regexp_replace(input_file_name(), "^file:(//)?", "");
    }
}
