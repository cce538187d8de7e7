package org.cskpi.ingest.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.mapping.Mapping;

/**
 * A delimited file read through a mapping outside Spark (survey responses are small): each
 * record as canonical column → value (trimmed, nulled, value-mapped, constants for nulls).
 */
public final class MappedRecords implements Iterator<MappedRecords.Mapped>, AutoCloseable {

    /** One record: its line, original text, values by canonical column, or why it has none. */
    public record Mapped(long line, String raw, Map<String, String> values, String problem) {
    }

    private final String file;
    private final Mapping mapping;
    private final CsvRecords records;
    private final HeaderLayout layout;

    private MappedRecords(String file, Mapping mapping, CsvRecords records, HeaderLayout layout) {
        this.file = file;
        this.mapping = mapping;
        this.records = records;
        this.layout = layout;
    }

    /**
     * Opens {@code file} (any Hadoop path, .gz too) and checks its header: every column of
     * {@code required} must be there, and under {@link HeaderPolicy#MAPPED} every named header.
     */
    public static MappedRecords open(String file, Mapping mapping, HeaderPolicy policy, List<String> required) {
        Reader reader;
        try {
            reader = TextFiles.open(file, Charset.forName(mapping.encoding()), new Configuration());
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
        CsvRecords records = new CsvRecords(file, reader, mapping.delimiter(), mapping.encoding());
        if (!records.hasNext()) {
            records.close();
            throw HeaderLayout.emptyFile(file, mapping, required);
        }
        CsvRecords.Record first = records.next();
        HeaderLayout layout = HeaderLayout.of(file, first.fields(), mapping, policy, required);
        MappedRecords result = new MappedRecords(file, mapping, records, layout);
        if (layout.dataStart()) {
            result.pending = first;
        }
        return result;
    }

    private CsvRecords.Record pending;

    /** The canonical columns the file's header provides (constants included). */
    public boolean provides(String column) {
        return layout.indexes().containsKey(column) || mapping.constants().containsKey(column);
    }

    public String file() {
        return file;
    }

    @Override
    public boolean hasNext() {
        return pending != null || records.hasNext();
    }

    @Override
    public Mapped next() {
        CsvRecords.Record record = pending != null ? pending : records.next();
        pending = null;
        String[] fields = record.fields();
        String problem = layout.fieldCountProblem(fields);
        if (problem != null) {
            return new Mapped(record.line(), record.raw(), Map.of(), problem);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String column : mapping.columns().keySet()) {
            values.put(column, layout.cell(column, fields, mapping));
        }
        for (Map.Entry<String, String> constant : mapping.constants().entrySet()) {
            if (values.get(constant.getKey()) == null) {
                values.put(constant.getKey(), constant.getValue());
            }
        }
        return new Mapped(record.line(), record.raw(), values, null);
    }

    @Override
    public void close() {
        records.close();
    }
}
