package org.cskpi.ingest.chatwoot;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cskpi.ingest.source.HelpDeskReader;
import org.cskpi.ingest.source.RawRecords;
import org.cskpi.ingest.source.ReadOptions;
import org.cskpi.ingest.source.StagedInput;

/**
 * Reads Chatwoot exports (docs/architecture.md#help-desk-formats-read-by-name): the API's
 * conversation JSON (list pages, payload pages, single conversations, a conversation's
 * messages pages) and the conversations CSV report. One staged row per conversation record;
 * messages become canonical messages (incoming: customer; outgoing: agent, or system when a
 * bot sent it; activity and template: system; {@code private} ones are not public).
 */
public final class ChatwootReader extends HelpDeskReader {

    public static final String SOURCE = "chatwoot";

    public ChatwootReader() {
        super(SOURCE);
    }

    @Override
    protected StagedInput readExport(SparkSession spark, List<Path> files, ReadOptions options) {
        List<ChatwootFile> sniffed = ChatwootFile.sniffAll(files, spark.sparkContext().hadoopConfiguration());
        Dataset<Row> records = ChatwootRecords.read(spark, sniffed)
                .withColumn("r", from_json(col(RawRecords.RAW), ChatwootSchemas.RECORD, Map.of("mode", "PERMISSIVE")));
        Dataset<Row> conversations = records.filter(col("r.message_type").isNull());
        Dataset<Row> pageMessages = records.filter(col("r.message_type").isNotNull())
                .select(col("r.conversation_id").as("ticket_id"), lit(true).as("from_page"),
                        from_json(col(RawRecords.RAW), ChatwootSchemas.MESSAGE, Map.of()).as("m"));
        Dataset<Row> embedded = conversations
                .select(col("r.id").as("ticket_id"), lit(false).as("from_page"), explode(col("r.messages")).as("m"));
        Dataset<Row> ids = conversations.select(col("r.id").as("ticket_id")).filter(col("ticket_id").isNotNull()).distinct();
        Dataset<Row> messages = ChatwootMessages.withAuthorRole(embedded.unionByName(pageMessages)
                .join(ids, "ticket_id")
                .withColumn("message_id", coalesce(col("m.id"),
                        concat_ws("|", col("m.created_at"), col("m.message_type"), col("m.content"))))
                .dropDuplicates("ticket_id", "message_id"));

        Dataset<Row> csv = ChatwootCsv.read(spark, sniffed, options.zone());
        Dataset<Row> staged = ChatwootStaging.staged(conversations,
                ChatwootMessages.facts(messages, conversations)).unionByName(csv);
        boolean hasJson = sniffed.stream().anyMatch(f -> f.shape() != ChatwootFile.Shape.CSV);
        return new StagedInput(staged, hasJson ? Optional.of(canonicalMessages(messages)) : Optional.empty(),
                new ReadOptions(options.zone(), List.of(ChatwootCsv.TIMESTAMP_FORMAT)),
                files.stream().map(Path::toString).toList(), skipped(pageMessages, ids));
    }

    /** Messages pages whose conversation is not in the export: counted, never made tickets. */
    private static Map<String, Long> skipped(Dataset<Row> pageMessages, Dataset<Row> ids) {
        long orphans = pageMessages.join(ids, pageMessages.col("ticket_id").equalTo(ids.col("ticket_id")), "left_anti")
                .count();
        Map<String, Long> skipped = new LinkedHashMap<>();
        if (orphans > 0) {
            skipped.put("orphan messages", orphans);
        }
        return skipped;
    }
}
