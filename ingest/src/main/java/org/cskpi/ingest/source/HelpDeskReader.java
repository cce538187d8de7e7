package org.cskpi.ingest.source;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.canonical.Messages;

/**
 * A reader of one help desk's own export format (Zendesk, Chatwoot), named by the source it
 * writes: it refuses an empty list of files, and its messages become this source's canonical
 * messages.
 */
public abstract class HelpDeskReader implements SourceReader {

    private final String source;

    protected HelpDeskReader(String source) {
        this.source = source;
    }

    @Override
    public final String name() {
        return source;
    }

    @Override
    public final StagedInput read(SparkSession spark, List<Path> files, ReadOptions options) {
        if (files.isEmpty()) {
            throw new UserError(source + ": no input files");
        }
        return readExport(spark, files, options);
    }

    /** Reads the export's files, at least one. */
    protected abstract StagedInput readExport(SparkSession spark, List<Path> files, ReadOptions options);

    /**
     * This source's canonical messages ({@code Messages.SCHEMA}) from the reader's own: columns
     * {@code ticket_id}, {@code author_role}, {@code is_public} and {@code created_ts} (a timestamp).
     */
    protected final Dataset<Row> canonicalMessages(Dataset<Row> messages) {
        return messages.select(col("ticket_id").as(Messages.TICKET_ID), lit(source).as(Messages.SOURCE),
                col("author_role").as(Messages.AUTHOR_ROLE), col("is_public").as(Messages.IS_PUBLIC),
                col("created_ts").as(Messages.CREATED_AT));
    }
}
