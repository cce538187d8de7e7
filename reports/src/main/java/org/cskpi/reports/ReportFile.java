package org.cskpi.reports;

import java.io.IOException;
import java.nio.file.Path;
import org.cskpi.config.IsoWeek;
import org.cskpi.files.OwnerOnly;
import org.cskpi.reports.html.HtmlReport;
import org.cskpi.reports.html.ScriptMode;

/**
 * A week's rendered report as {@code report} and the weekly job write it: one self-contained,
 * owner-only HTML file (charts' script inlined), by default under the data directory.
 */
public final class ReportFile {

    private ReportFile() {
    }

    /** {@code <data-dir>/reports/<week>.<extension>}. */
    public static Path defaultPath(Path dataDir, IsoWeek week, String extension) {
        return dataDir.resolve("reports").resolve(week + "." + extension);
    }

    /** Writes {@code report} as HTML that opens offline. */
    public static void writeHtml(Path file, WeeklyReport report) throws IOException {
        OwnerOnly.writeString(file, HtmlReport.page(report, ScriptMode.inline()));
    }
}
