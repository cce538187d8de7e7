package org.cskpi.ingest.cli;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Optional;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.csv.CsvReaders;
import org.cskpi.ingest.freshdesk.FreshdeskReader;
import org.cskpi.ingest.source.SourceReader;

/**
 * The {@code --source} names and their readers (DESIGN.md, "Help-desk formats read by name").
 * Zendesk and Chatwoot readers are looked up by class name, so this module builds and runs
 * (with a clear error for those two) before they exist.
 */
public final class SourceReaders {

    /** The formats {@code --source} accepts. */
    public enum Source { zendesk, freshdesk, chatwoot, csv }

    static final String ZENDESK_READER = "org.cskpi.ingest.zendesk.ZendeskReader";
    static final String CHATWOOT_READER = "org.cskpi.ingest.chatwoot.ChatwootReader";

    private SourceReaders() {
    }

    public static SourceReader forSource(Source source, Optional<Path> mapping) {
        if (mapping.isPresent() && source != Source.csv) {
            throw new UserError("--mapping applies to --source csv only (" + source + " is read by its own rules)");
        }
        return switch (source) {
            case csv -> mapping.map(CsvReaders::mapped).orElseGet(CsvReaders::canonical);
            case freshdesk -> new FreshdeskReader();
            case zendesk -> byClassName(source, ZENDESK_READER);
            case chatwoot -> byClassName(source, CHATWOOT_READER);
        };
    }

    static SourceReader byClassName(Source source, String className) {
        try {
            return (SourceReader) Class.forName(className).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new UserError("--source " + source + " is not available in this build (reader " + className + " is missing)");
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("cannot create the " + source + " reader: " + cause, cause);
        }
    }
}
