package org.cskpi.reports.charts;

import java.util.List;

/** A chart's data as a plain table: what the CSV export and the JSON export write. */
public record DataTable(List<String> columns, List<List<Object>> rows) {

    public DataTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(java.util.Collections::unmodifiableList).toList();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, expected "
                        + columns.size() + " " + columns);
            }
        }
    }
}
