package org.cskpi.sqlshell;

import static org.apache.spark.sql.functions.col;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How {@code cskpi sql} prints a result on stdout: an aligned text table, RFC 4180 CSV with a
 * header, or JSON Lines (one object per row, Spark's own encoding). Values are rendered by
 * Spark (timestamps in the session zone, UTC), never by the JVM's default zone; null is an
 * empty CSV field, {@code NULL} in the table and absent in JSON. The same on classic Spark and
 * through Spark Connect: only Spark's shared SQL API is used.
 */
public enum ResultFormat {
    TABLE, CSV, JSON;

    /**
     * Prints at most {@code maxRows} rows of {@code result}; true when it has more than that
     * (then the table's last line says so). {@link Long#MAX_VALUE}: every row.
     */
    public boolean print(Dataset<Row> result, PrintStream out, long maxRows) {
        Printed printed = switch (this) {
            case JSON -> printJson(result, out, maxRows);
            case CSV -> printCsv(result, out, maxRows);
            case TABLE -> printTable(result, out, maxRows);
        };
        out.flush();
        return printed.more();
    }

    private record Printed(long rows, boolean more) {
    }

    private static <T> Printed eachRow(Iterator<T> rows, long maxRows, Consumer<T> print) {
        long count = 0;
        while (rows.hasNext()) {
            T row = rows.next();
            if (count == maxRows) {
                return new Printed(count, true);
            }
            print.accept(row);
            count++;
        }
        return new Printed(count, false);
    }

    private static Printed printJson(Dataset<Row> result, PrintStream out, long maxRows) {
        return eachRow(result.toJSON().toLocalIterator(), maxRows, out::println);
    }

    private static Iterator<Row> asStrings(Dataset<Row> result) {
        Column[] columns = Arrays.stream(result.columns()).map(c -> col("`" + c.replace("`", "``") + "`").cast("string"))
                .toArray(Column[]::new);
        return result.select(columns).toLocalIterator();
    }

    private static Printed printCsv(Dataset<Row> result, PrintStream out, long maxRows) {
        out.println(String.join(",", Arrays.stream(result.columns()).map(ResultFormat::csvField).toList()));
        return eachRow(asStrings(result), maxRows, row -> {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < row.length(); i++) {
                fields.add(row.isNullAt(i) ? "" : csvField(row.getString(i)));
            }
            out.println(String.join(",", fields));
        });
    }

    static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static Printed printTable(Dataset<Row> result, PrintStream out, long maxRows) {
        String[] header = result.columns();
        List<String[]> rows = new ArrayList<>();
        int[] widths = Arrays.stream(header).mapToInt(String::length).toArray();
        Printed printed = eachRow(asStrings(result), maxRows, row -> {
            String[] cells = new String[header.length];
            for (int i = 0; i < header.length; i++) {
                cells[i] = row.isNullAt(i) ? "NULL" : row.getString(i);
                widths[i] = Math.max(widths[i], cells[i].length());
            }
            rows.add(cells);
        });
        out.println(line(header, widths));
        out.println(rule(widths));
        rows.forEach(cells -> out.println(line(cells, widths)));
        out.println("(" + rows.size() + (rows.size() == 1 ? " row" : " rows") + (printed.more() ? "; the result has more)" : ")"));
        return printed;
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
