package org.cskpi.batch.ingest;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.cskpi.batch.BatchRun;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.job.IngestJob;
import org.cskpi.ingest.job.IngestSummary;
import org.cskpi.ingest.source.ReadOptions;
import org.cskpi.ingest.source.SourceReader;
import org.cskpi.invitation.SurveyContacts;

/**
 * One ingest of exports, as {@code ingest} and the weekly job do it: into the configured
 * warehouse, bad rows to the data directory's quarantine, and with {@code survey.send} on the
 * customers' addresses to the store's survey contacts (docs/mail.md#contacts).
 */
public final class ExportIngest {

    private final BatchRun run;
    private final CskpiConfig config;
    private final PrintStream progress;

    public ExportIngest(BatchRun run, CskpiConfig config, PrintStream progress) {
        this.run = run;
        this.config = config;
        this.progress = progress;
    }

    /** Reads {@code inputs} with {@code reader} and merges them into the warehouse. */
    public IngestSummary run(SourceReader reader, List<String> inputs) {
        SurveyContacts kept = new SurveyContacts(run.store().dsl(), run.clock(), config.survey().contactRetentionDays());
        Optional<SurveyContacts> contacts = config.survey().send() ? Optional.of(kept) : Optional.empty();
        IngestJob.Target target = new IngestJob.Target(config.warehouse(),
                config.dataDir().resolve("quarantine").toString(), config.ingest().customerKey(), contacts);
        IngestSummary summary = new IngestJob(run.spark(), target, run.runLog(), progress, run.clock())
                .run(reader, inputs, new ReadOptions(config.ingest().sourceTimezone(), List.of()));
        if (contacts.isEmpty()) {
            // Sending is off: keep nothing new, and let addresses kept while it was on expire.
            long deleted = kept.deleteExpired();
            if (deleted > 0) {
                progress.println("ingest: survey contacts: " + deleted + " not seen for " + kept.retentionDays()
                        + " days deleted");
            }
        }
        return summary;
    }
}
