package org.cskpi.batch.responses;

import org.cskpi.batch.BatchRun;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.csv.HeaderPolicy;
import org.cskpi.ingest.mapping.Mapping;
import org.cskpi.ingest.responses.ResponseRules;
import org.cskpi.ingest.responses.ResponsesImport;

/**
 * One import of NPS answers files, as {@code responses import} and the weekly job do it: into
 * the run's store, bad rows to the data directory's quarantine, times read in the configured
 * source zone and customers keyed as ingest keys them.
 */
public final class AnswersImport {

    private final ResponsesImport job;
    private final ResponseRules rules;

    public AnswersImport(BatchRun run, CskpiConfig config) {
        this.job = new ResponsesImport(run.store().dsl(), run.runLog(), config.dataDir().resolve("quarantine"));
        this.rules = new ResponseRules(config.ingest().sourceTimezone(), config.ingest().customerKey());
    }

    /** Imports {@code file} read through {@code mapping}. */
    public ResponsesImport.Summary run(String file, Mapping mapping, HeaderPolicy policy) {
        return job.run(file, mapping, policy, rules);
    }

    /** Imports a file in cskpi's own answers columns (docs/commands.md#responses-import). */
    public ResponsesImport.Summary runCanonical(String file) {
        return run(file, ResponsesImport.canonicalMapping(), HeaderPolicy.CANONICAL);
    }
}
