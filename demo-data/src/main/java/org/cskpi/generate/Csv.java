package org.cskpi.generate;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes RFC 4180 records: a cell with a comma, quote, CR or LF is quoted, quotes doubled;
 * null is an empty cell. Records end with LF.
 */
final class Csv {

    private final Writer out;

    Csv(Writer out) {
        this.out = out;
    }

    void record(Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            if (cells[i] != null) {
                cell(cells[i].toString());
            }
        }
        out.write('\n');
    }

    private void cell(String text) throws IOException {
        boolean needsQuotes = false;
        for (int i = 0; i < text.length() && !needsQuotes; i++) {
            char c = text.charAt(i);
            needsQuotes = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!needsQuotes) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }
}
