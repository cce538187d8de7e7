package org.cskpi.ingest.csv;

import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.cskpi.ingest.canonical.Staged;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.ingest.mapping.Mapping;

/**
 * Turns the parsed records of one file into staged ticket rows ({@code Staged.SCHEMA_WITH_PROBLEM})
 * by a mapping; {@code source} is the rows' source unless the file names one.
 */
record StagedRows(Mapping mapping, HeaderLayout layout, String source) {

    Row of(String file, CsvRecords.Record record) {
        int width = Staged.FIELDS.size();
        Object[] values = new Object[width + 4];
        values[width] = file;
        values[width + 1] = record.line();
        values[width + 2] = record.raw();
        String[] fields = record.fields();
        String problem = layout.fieldCountProblem(fields);
        if (problem != null) {
            values[width + 3] = problem;
            return RowFactory.create(values);
        }
        for (int i = 0; i < width; i++) {
            values[i] = value(Staged.FIELDS.get(i), fields);
        }
        return RowFactory.create(values);
    }

    private String value(String field, String[] fields) {
        switch (field) {
            case Tickets.SOURCE:
                String named = layout.cell(Tickets.SOURCE, fields, mapping);
                return named != null ? named : source;
            case Tickets.RAW_CHANNEL:
                return raw(Tickets.RAW_CHANNEL, Tickets.CHANNEL, fields);
            case Tickets.RAW_STATUS:
                return raw(Tickets.RAW_STATUS, Tickets.STATUS, fields);
            default:
                String value = layout.cell(field, fields, mapping);
                if (value == null) {
                    value = mapping.constants().get(field);
                }
                boolean lowered = field.equals(Tickets.CHANNEL) || field.equals(Tickets.STATUS);
                return lowered && value != null ? value.toLowerCase(Locale.ROOT) : value;
        }
    }

    /**
     * The help desk's own value: from its own column when the file has one (a canonical CSV
     * exported by {@code cskpi sql}), else the cell feeding {@code column} before any value map.
     */
    private String raw(String rawColumn, String column, String[] fields) {
        if (layout.has(rawColumn)) {
            return layout.cell(rawColumn, fields, mapping);
        }
        return mapping.rawCell(layout.firstText(column, fields));
    }
}
