package org.cskpi.ingest.freshdesk;

import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.cskpi.ingest.csv.CsvReaders;
import org.cskpi.ingest.source.ReadOptions;
import org.cskpi.ingest.source.SourceReader;
import org.cskpi.ingest.source.StagedInput;

/**
 * Freshdesk's ticket CSV export (docs/architecture.md#help-desk-formats-read-by-name), read
 * through the built-in mapping {@code freshdesk.yaml} beside this class: its real headers, its
 * {@code yyyy-MM-dd HH:mm:ss} times in the account's zone (--source-tz), its Source and Status
 * values. The customer is the Contact ID, else a keyed hash of the requester's e-mail.
 * Freshdesk exports only the latest resolution time, so {@code resolved_at} and
 * {@code final_resolved_at} are both the Resolved time (the Closed time when a ticket was
 * closed without being resolved: closing is often an automatic step days later and would
 * inflate full resolution time).
 * Reopens are not in the export and stay null.
 */
public final class FreshdeskReader implements SourceReader {

    private final SourceReader csv = CsvReaders.builtIn("freshdesk", FreshdeskReader.class, "freshdesk.yaml");

    @Override
    public String name() {
        return "freshdesk";
    }

    @Override
    public StagedInput read(SparkSession spark, List<Path> files, ReadOptions options) {
        return csv.read(spark, files, options);
    }
}
