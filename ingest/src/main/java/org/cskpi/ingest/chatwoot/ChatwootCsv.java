package org.cskpi.ingest.chatwoot;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.cskpi.ingest.canonical.Staged.text;

import java.util.ArrayList;
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
import org.cskpi.ingest.canonical.Staged;
import org.cskpi.ingest.canonical.Tickets;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Chatwoot's conversations CSV report, one staged row per data line. The report names
 * customers by e-mail (staged as customer_email, which validation pseudonymises) and agents
 * by name; "Created at" is {@code yyyy-MM-dd HH:mm:ss} in the source zone; first response and
 * resolution are minutes after creation; category is the first label; the inbox name is kept
 * as raw_channel (it says nothing cskpi can map, so channel is {@code other}).
 * Lines are numbered per file; a field holding a line break is not supported.
 */
final class ChatwootCsv {

    static final String TIMESTAMP_FORMAT = "yyyy-MM-dd HH:mm:ss";

    private ChatwootCsv() {
    }

    static Dataset<Row> read(SparkSession spark, List<ChatwootFile> files, java.time.ZoneId zone) {
        StructType lineSchema = new StructType().add(Staged.FILE, DataTypes.StringType, false)
                .add(Staged.LINE, DataTypes.LongType, false).add(Staged.RAW, DataTypes.StringType, true)
                .add("cells", DataTypes.createArrayType(DataTypes.StringType), true);
        Dataset<Row> staged = null;
        for (ChatwootFile file : files) {
            if (file.shape() != ChatwootFile.Shape.CSV) {
                continue;
            }
            ChatwootCsvHeader header = ChatwootCsvHeader.find(file.path(), spark.sparkContext().hadoopConfiguration());
            String name = file.path().toString();
            long headerLine = header.line();
            JavaRDD<Row> rows = spark.sparkContext().textFile(name, 1).toJavaRDD().zipWithIndex()
                    .filter((Tuple2<String, Long> t) -> t._2() + 1 > headerLine && !t._1().isBlank())
                    .map((Tuple2<String, Long> t) -> RowFactory.create(name, t._2() + 1, t._1(),
                            cells(t._1())));
            Dataset<Row> one = staged(spark.createDataFrame(rows, lineSchema), header.columns(), zone);
            staged = staged == null ? one : staged.unionByName(one);
        }
        return staged != null ? staged : spark.createDataFrame(List.of(), Staged.SCHEMA);
    }

    private static Dataset<Row> staged(Dataset<Row> lines, Map<String, Integer> columns, java.time.ZoneId zone) {
        Column created = cell(columns, "created_at");
        Column createdUtc = to_utc_timestamp(try_to_timestamp(created, lit(TIMESTAMP_FORMAT)), zone.getId());
        List<Column> out = new ArrayList<>();
        out.add(lit(ChatwootReader.SOURCE).as(Tickets.SOURCE));
        out.add(cell(columns, "ticket_id").as(Tickets.TICKET_ID));
        out.add(lit(null).cast("string").as(Tickets.CUSTOMER_ID));
        out.add(cell(columns, "customer_email").as(Staged.CUSTOMER_EMAIL));
        out.add(lit("other").as(Tickets.CHANNEL));
        out.add(text(try_element_at(split(cell(columns, "labels"), ","), lit(1))).as(Tickets.CATEGORY));
        out.add(lit(null).cast("string").as(Tickets.PRIORITY));
        out.add(cell(columns, "agent").as(Tickets.AGENT_ID));
        out.add(cell(columns, "team").as(Tickets.TEAM));
        out.add(ChatwootValues.status(cell(columns, "status")).as(Tickets.STATUS));
        out.add(created.as(Tickets.CREATED_AT));
        out.add(plusMinutes(createdUtc, cell(columns, "first_response_minutes")).as(Tickets.FIRST_RESPONSE_AT));
        Column resolved = plusMinutes(createdUtc, cell(columns, "resolution_minutes"));
        out.add(resolved.as(Tickets.RESOLVED_AT));
        out.add(resolved.as(Tickets.FINAL_RESOLVED_AT));
        out.add(lit(null).cast("string").as(Tickets.REOPENS));
        out.add(lit(null).cast("string").as(Tickets.AGENT_REPLIES));
        out.add(lit(null).cast("string").as(Tickets.UPDATED_AT));
        out.add(lit(null).cast("string").as(Tickets.LOCALE));
        out.add(cell(columns, "inbox").as(Tickets.RAW_CHANNEL));
        out.add(cell(columns, "status").as(Tickets.RAW_STATUS));
        out.add(col(Staged.FILE));
        out.add(col(Staged.LINE));
        out.add(col(Staged.RAW));
        return lines.select(out.toArray(Column[]::new));
    }

    /** The line's cells as the Scala sequence a Row array needs (a line that parses to nothing: null). */
    private static scala.collection.immutable.Seq<String> cells(String line) {
        String[] cells = ChatwootCsvHeader.parser().parseLine(line);
        return cells == null ? null : CollectionConverters.asScala(java.util.Arrays.asList(cells)).toSeq();
    }

    private static Column cell(Map<String, Integer> columns, String use) {
        Integer index = columns.get(use);
        if (index == null) {
            return lit(null).cast("string");
        }
        return text(try_element_at(col("cells"), lit(index + 1)));
    }

    /** UTC instant + minutes (decimal minutes allowed), as ISO-8601 with Z; null when either is missing. */
    private static Column plusMinutes(Column utcWallClock, Column minutes) {
        Column seconds = unix_seconds(utcWallClock).plus(minutes.try_cast("double").multiply(60).cast("bigint"));
        return concat(date_format(timestamp_seconds(seconds), "yyyy-MM-dd'T'HH:mm:ss"), lit("Z"));
    }
}
