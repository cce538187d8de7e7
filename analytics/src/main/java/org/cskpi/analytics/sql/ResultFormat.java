package org.cskpi.analytics.sql;

import static org.apache.spark.sql.functions.col;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How {@code cskpi sql} prints a result on stdout: an aligned text table, RFC 4180 CSV with a
 * header, or JSON Lines (one object per row, Spark's own encoding). Values are rendered by
 * Spark (timestamps in the session zone, UTC), never by the JVM's default zone; null is an
 * empty CSV field, {@code NULL} in the table and absent in JSON.
 */
public enum ResultFormat {
    TABLE, CSV, JSON;

    public void print(Dataset<Row> result, PrintStream out) {
        switch (this) {
            case JSON -> result.toJSON().toLocalIterator().forEachRemaining(out::println);
            case CSV -> printCsv(result, out);
            case TABLE -> printTable(result, out);
        }
        out.flush();
    }

    private static Iterator<Row> asStrings(Dataset<Row> result) {
        Column[] columns = Arrays.stream(result.columns()).map(c -> col("`" + c.replace("`", "``") + "`").cast("string"))
                .toArray(Column[]::new);
        return result.select(columns).toLocalIterator();
    }

    private static void printCsv(Dataset<Row> result, PrintStream out) {
        out.println(String.join(",", Arrays.stream(result.columns()).map(ResultFormat::csvField).toList()));
        Iterator<Row> rows = asStrings(result);
        while (rows.hasNext()) {
            Row row = rows.next();
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < row.length(); i++) {
                fields.add(row.isNullAt(i) ? "" : csvField(row.getString(i)));
            }
            out.println(String.join(",", fields));
        }
    }

    static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static void printTable(Dataset<Row> result, PrintStream out) {
        String[] header = result.columns();
        List<String[]> rows = new ArrayList<>();
        int[] widths = Arrays.stream(header).mapToInt(String::length).toArray();
        Iterator<Row> it = asStrings(result);
        while (it.hasNext()) {
            Row row = it.next();
            String[] cells = new String[header.length];
            for (int i = 0; i < header.length; i++) {
                cells[i] = row.isNullAt(i) ? "NULL" : row.getString(i);
                widths[i] = Math.max(widths[i], cells[i].length());
            }
            rows.add(cells);
        }
        out.println(line(header, widths));
        out.println(rule(widths));
        rows.forEach(cells -> out.println(line(cells, widths)));
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            text.append(i == 0 ? "" : " | ").append(String.format("%-" + Math.max(1, widths[i]) + "s", cells[i]));
        }
        return text.toString().stripTrailing();
    }

    private static String rule(int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            text.append(i == 0 ? "" : "-+-").append("-".repeat(Math.max(1, widths[i])));
        }
        return text.toString();
    }
}
