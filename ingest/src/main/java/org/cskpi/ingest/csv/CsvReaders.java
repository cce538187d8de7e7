package org.cskpi.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.ingest.mapping.Mapping;
import org.cskpi.ingest.mapping.MappingParser;
import org.cskpi.ingest.mapping.MappingTarget;
import org.cskpi.ingest.source.SourceReader;

/** The delimited-text readers: canonical CSV, CSV through a mapping file, built-in help-desk mappings. */
public final class CsvReaders {

    private CsvReaders() {
    }

    /**
     * Columns of the warehouse's {@code tickets} that a canonical CSV may carry but a mapping
     * file cannot set, so that {@code cskpi sql --format csv "select * from tickets"} reads back
     * unchanged: each is used as written when its header is there, since none can be derived
     * again (docs/architecture.md#help-desk-formats-read-by-name).
     */
    static final List<String> EXPORT_COLUMNS = List.of(Tickets.SOURCE, Tickets.RAW_CHANNEL, Tickets.RAW_STATUS);

    /**
     * cskpi's canonical CSV (docs/architecture.md#help-desk-formats-read-by-name): header =
     * canonical column names, optional ones may be absent; timestamps ISO-8601 (or with a space
     * for the T, as {@code cskpi sql} prints them) in --source-tz when they carry no offset.
     */
    public static SourceReader canonical() {
        return new MappedCsvReader("csv", canonicalMapping(), HeaderPolicy.CANONICAL);
    }

    static Mapping canonicalMapping() {
        List<String> columns = new ArrayList<>(MappingTarget.TICKETS.columns());
        columns.addAll(EXPORT_COLUMNS);
        return Mapping.identity("csv", columns);
    }

    /** Any delimited export through a user's mapping file (docs/mappings.md). */
    public static SourceReader mapped(Path mappingFile) {
        return new MappedCsvReader("csv", MappingParser.read(mappingFile, MappingTarget.TICKETS), HeaderPolicy.MAPPED);
    }

    /** A reader for a help-desk export whose mapping ships as a class-path resource. */
    public static SourceReader builtIn(String name, Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in mapping " + resource + " missing from the class path");
            }
            Mapping mapping = MappingParser.parse(in, "built-in " + name + " mapping", MappingTarget.TICKETS);
            return new MappedCsvReader(name, mapping, HeaderPolicy.REQUIRED_ONLY);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in mapping " + resource, e);
        }
    }
}
