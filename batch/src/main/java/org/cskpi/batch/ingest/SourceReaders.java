package org.cskpi.batch.ingest;

import java.nio.file.Path;
import java.util.Optional;
import org.cskpi.cli.UserError;
import org.cskpi.config.CskpiConfig;
import org.cskpi.ingest.chatwoot.ChatwootReader;
import org.cskpi.ingest.csv.CsvReaders;
import org.cskpi.ingest.freshdesk.FreshdeskReader;
import org.cskpi.ingest.source.SourceReader;
import org.cskpi.ingest.zendesk.ZendeskReader;

/** The {@code --source} names and their readers (docs/architecture.md#help-desk-formats-read-by-name). */
public final class SourceReaders {

    /** The formats {@code --source} accepts. */
    public enum Source { zendesk, freshdesk, chatwoot, csv }

    private SourceReaders() {
    }

    public static SourceReader forSource(Source source, Optional<Path> mapping, CskpiConfig config) {
        if (mapping.isPresent() && source != Source.csv) {
            throw new UserError("--mapping applies to --source csv only (" + source + " is read by its own rules)");
        }
        return switch (source) {
            case csv -> mapping.map(CsvReaders::mapped).orElseGet(CsvReaders::canonical);
            case freshdesk -> new FreshdeskReader();
            case zendesk -> ZendeskReader.from(config);
            case chatwoot -> new ChatwootReader();
        };
    }
}
