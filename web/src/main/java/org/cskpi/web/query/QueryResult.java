package org.cskpi.web.query;

import java.util.List;

/**
 * Rows of one query, as text ({@code null} for SQL NULL). {@code numeric} says which columns
 * hold numbers; {@code truncated} that more rows existed than {@code web.query_max_rows}.
 */
public record QueryResult(List<String> columns, List<Boolean> numeric, List<List<String>> rows,
                          boolean truncated, long elapsedMillis) {
}
