package org.cskpi.ingest.source;

import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Reads one help-desk format (docs/architecture.md#help-desk-formats-read-by-name) into staged rows.
 * A reader checks that its input is really its format and fails with a {@code UserError}
 * naming the file and what was expected when it is not; rows it can read but not use are
 * staged anyway and left to validation, so they end in quarantine with a reason.
 */
public interface SourceReader {

    /** The {@code --source} name: zendesk, freshdesk, chatwoot, csv. */
    String name();

    /** Reads the given files (already expanded from globs and directories; may be .gz). */
    StagedInput read(SparkSession spark, List<Path> files, ReadOptions options);
}
