package org.cskpi.reports.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cskpi.files.OwnerOnly;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.charts.ChartSpec;
import org.cskpi.reports.charts.DataTable;

/**
 * Writes the data behind every chart as {@code <chart id>.csv} (RFC 4180, UTF-8, header row) plus
 * {@code tiles.csv}, {@code teams.csv} and {@code agents.csv}, for people who want the numbers.
 */
public final class CsvExport {

    private CsvExport() {
    }

    /** Writes the files into {@code dir} (created if missing); returns the paths written. */
    public static List<Path> write(WeeklyReport report, Path dir) throws IOException {
        OwnerOnly.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (ChartSpec chart : report.charts()) {
            written.add(write(dir.resolve(chart.id() + ".csv"), chart.data()));
        }
        written.add(write(dir.resolve("tiles.csv"), ReportTables.tiles(report)));
        written.add(write(dir.resolve("teams.csv"), ReportTables.breakdown(report.teams())));
        written.add(write(dir.resolve("agents.csv"), ReportTables.breakdown(report.agents())));
        return written;
    }

    private static Path write(Path file, DataTable table) throws IOException {
        OwnerOnly.writeString(file, csv(table));
        return file;
    }

    /** One table as RFC 4180 text with a header row (what each {@code <chart id>.csv} holds). */
    public static String csv(DataTable table) {
        StringBuilder out = new StringBuilder();
        line(out, new ArrayList<>(table.columns()));
        for (List<Object> row : table.rows()) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * Quotes a field when needed. Text starting with {@code = + - @} gets a leading apostrophe so
     * a spreadsheet does not run a category name as a formula; numbers are written as they are.
     */
    static String field(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell.toString();
        if (cell instanceof String && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
