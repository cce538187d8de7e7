package org.cskpi.ingest.csv;

import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.cskpi.ingest.canonical.Staged;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.ingest.mapping.Mapping;

/** Turns one parsed record into a staged ticket row ({@code Staged.SCHEMA_WITH_PROBLEM}) by a mapping. */
final class StagedRows {

    private StagedRows() {
    }

    static Row of(String file, CsvRecords.Record record, Mapping mapping, HeaderLayout layout, String source) {
        int width = Staged.FIELDS.size();
        Object[] values = new Object[width + 4];
        values[width] = file;
        values[width + 1] = record.line();
        values[width + 2] = record.raw();
        String[] fields = record.fields();
        if (fields.length != layout.fieldCount()) {
            values[width + 3] = "field count " + fields.length + " differs from the header's " + layout.fieldCount();
            return RowFactory.create(values);
        }
        for (int i = 0; i < width; i++) {
            values[i] = value(Staged.FIELDS.get(i), fields, mapping, layout, source);
        }
        return RowFactory.create(values);
    }

    private static String value(String field, String[] fields, Mapping mapping, HeaderLayout layout, String source) {
        switch (field) {
            case Tickets.SOURCE:
                String named = cell(Tickets.SOURCE, fields, mapping, layout);
                return named != null ? named : source;
            case Tickets.RAW_CHANNEL:
                return raw(Tickets.RAW_CHANNEL, Tickets.CHANNEL, fields, mapping, layout);
            case Tickets.RAW_STATUS:
                return raw(Tickets.RAW_STATUS, Tickets.STATUS, fields, mapping, layout);
            default:
                String value = cell(field, fields, mapping, layout);
                if (value == null) {
                    value = mapping.constants().get(field);
                }
                boolean lowered = field.equals(Tickets.CHANNEL) || field.equals(Tickets.STATUS);
                return lowered && value != null ? value.toLowerCase(Locale.ROOT) : value;
        }
    }

    /** The first non-null cell among the headers feeding {@code column}, after null values and value maps. */
    private static String cell(String column, String[] fields, Mapping mapping, HeaderLayout layout) {
        int[] indexes = layout.indexes().get(column);
        if (indexes == null) {
            return null;
        }
        for (int index : indexes) {
            String value = mapping.cell(column, fields[index]);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * The help desk's own value: from its own column when the file has one (a canonical CSV
     * exported by {@code cskpi sql}), else the cell feeding {@code column} before any value map.
     */
    private static String raw(String rawColumn, String column, String[] fields, Mapping mapping, HeaderLayout layout) {
        if (layout.indexes().containsKey(rawColumn)) {
            return cell(rawColumn, fields, mapping, layout);
        }
        return mapping.rawCell(first(column, fields, layout));
    }

    private static String first(String column, String[] fields, HeaderLayout layout) {
        int[] indexes = layout.indexes().get(column);
        return indexes == null ? null : fields[indexes[0]];
    }
}
