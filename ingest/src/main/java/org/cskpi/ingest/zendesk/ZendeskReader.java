package org.cskpi.ingest.zendesk;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.source.HelpDeskReader;
import org.cskpi.ingest.source.ReadOptions;
import org.cskpi.ingest.source.StagedInput;

/**
 * Reads Zendesk Support API exports (docs/architecture.md#help-desk-formats-read-by-name): any
 * mix of JSON pages (plain or .gz) recognised by their top-level keys, and the UI's NDJSON
 * export. Every ticket record becomes one staged row; metrics, events, audits and comments
 * fill in the times and counts, and comments become canonical messages. Children whose ticket
 * is not in the export are counted in {@code skipped} ("orphan ticket_metrics" …), never made
 * tickets.
 */
public final class ZendeskReader extends HelpDeskReader {

    public static final String SOURCE = "zendesk";

    private final Optional<String> categoryField;

    public ZendeskReader() {
        this(Optional.empty());
    }

    /** @param categoryField the ticket field id holding the category ({@code ingest.zendesk.category_field}) */
    public ZendeskReader(Optional<String> categoryField) {
        super(SOURCE);
        this.categoryField = categoryField;
    }

    public static ZendeskReader from(CskpiConfig config) {
        return new ZendeskReader(config.ingest().zendeskCategoryField());
    }

    @Override
    protected StagedInput readExport(SparkSession spark, List<Path> files, ReadOptions options) {
        List<ZendeskFile> sniffed = ZendeskFile.sniffAll(spark, files);
        if (sniffed.stream().noneMatch(f -> f.has(ZendeskFile.TICKETS) || f.has(ZendeskFile.TICKET))) {
            throw new UserError("zendesk: none of the " + files.size() + " files holds tickets (a page with the "
                    + "top-level key tickets, or the UI's JSON export); metrics, events and comments are read "
                    + "only with their tickets");
        }
        ZendeskRecords records = new ZendeskRecords(spark, sniffed);
        Dataset<Row> tickets = ZendeskRecords.withParsed(records.raw(ZendeskFile.TICKETS)
                .unionByName(records.raw(ZendeskFile.TICKET))
                .unionByName(records.ticketLines()), ZendeskSchemas.TICKET);
        ZendeskChildren children = new ZendeskChildren(records);
        Dataset<Row> users = records.parsed(ZendeskFile.USERS, ZendeskSchemas.USER)
                .select(col("r.id").as("user_id"), col("r.role").as("user_role"), col("r.locale").as("user_locale"),
                        col("r.email").as("user_email"))
                .filter(col("user_id").isNotNull()).dropDuplicates("user_id");
        Dataset<Row> groups = records.parsed(ZendeskFile.GROUPS, ZendeskSchemas.GROUP)
                .select(col("r.id").as("group_key"), col("r.name").as("group_name"))
                .filter(col("group_key").isNotNull()).dropDuplicates("group_key");
        ZendeskCategory category = ZendeskCategory.from(categoryField,
                records.parsed(ZendeskFile.FIELDS, ZendeskSchemas.FIELD));

        // One row per ticket, used by the orphan count now and by the staged rows later: kept so
        // the ticket pages are parsed once for it, not once per use.
        Dataset<Row> base = ZendeskStaging.ticketBase(tickets).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> comments = ZendeskTicketFacts.withAuthorRole(children.comments()
                .join(base, ZendeskChildren.TICKET_ID)
                .join(broadcast(users), col(ZendeskChildren.AUTHOR_ID).equalTo(col("user_id")), "left"));
        Dataset<Row> facts = ZendeskStaging.facts(base, List.of(
                ZendeskTicketFacts.replies(comments),
                ZendeskTicketFacts.solves(children.statusChanges()),
                ZendeskTicketFacts.metricEventTimes(children.metricEvents()),
                children.latestMetrics()));
        Dataset<Row> staged = new ZendeskStaging(category).staged(tickets, users, groups, facts);
        boolean hasComments = records.any(ZendeskFile.EVENTS, ZendeskFile.AUDITS, ZendeskFile.AUDIT,
                ZendeskFile.COMMENTS);
        return new StagedInput(staged, hasComments ? Optional.of(canonicalMessages(comments)) : Optional.empty(),
                new ReadOptions(options.zone(), List.of()),
                files.stream().map(Path::toString).toList(),
                skipped(children.recordTickets(), base), agentNames(records));
    }

    /**
     * The names of the agents in the users pages (role agent or admin), by user id: what
     * {@code agent_id} (the assignee id) is shown as in reports. Customers' names are not read.
     * The users pages are small (a help desk's staff and the tickets' requesters).
     */
    private static Map<String, String> agentNames(ZendeskRecords records) {
        Map<String, String> names = new TreeMap<>();
        records.parsed(ZendeskFile.USERS, ZendeskSchemas.USER)
                .filter(col("r.role").isin("agent", "admin").and(col("r.id").isNotNull())
                        .and(trim(col("r.name")).notEqual("")))
                .select(col("r.id"), trim(col("r.name")))
                .collectAsList()
                .forEach(r -> names.put(r.getString(0), r.getString(1)));
        return names;
    }

    /**
     * Counts children whose ticket is not among the ticket records ("orphan ticket_metrics")
     * and children with no ticket id at all ("comments without ticket_id").
     */
    private static Map<String, Long> skipped(Dataset<Row> childTickets, Dataset<Row> base) {
        Dataset<Row> ids = base.select(col(ZendeskChildren.TICKET_ID));
        List<Row> counts = childTickets.join(ids, childTickets.col(ZendeskChildren.TICKET_ID)
                        .equalTo(ids.col(ZendeskChildren.TICKET_ID)), "left_anti")
                .select(when(col(ZendeskChildren.TICKET_ID).isNull(), concat(col("kind"), lit(" without ticket_id")))
                        .otherwise(concat(lit("orphan "), col("kind"))).as("reason"))
                .groupBy("reason").count().collectAsList();
        Map<String, Long> skipped = new LinkedHashMap<>();
        counts.stream().sorted((a, b) -> a.getString(0).compareTo(b.getString(0)))
                .forEach(r -> skipped.put(r.getString(0), r.getLong(1)));
        return skipped;
    }
}
