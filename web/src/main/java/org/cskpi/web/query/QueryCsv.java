package org.cskpi.web.query;

import java.util.List;

/**
 * A query result as CSV (RFC 4180: comma, CRLF, fields quoted when they hold a comma, quote
 * or line break). Text cells starting with = + - @ or a tab get a leading ' so a spreadsheet
 * shows them as text instead of running them as formulas; numeric columns are left as they are.
 */
final class QueryCsv {

    private QueryCsv() {
    }

    static String write(QueryResult result) {
        StringBuilder out = new StringBuilder();
        line(out, result.columns(), null);
        for (List<String> row : result.rows()) {
            line(out, row, result.numeric());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, List<Boolean> numeric) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell != null) {
                boolean text = numeric == null || !numeric.get(i);
                out.append(field(text ? defuse(cell) : cell));
            }
        }
        out.append("\r\n");
    }

    private static String defuse(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static String field(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
