package org.cskpi.web.query;

import java.util.List;

/**
 * One page of a query's rows as the server renders it: {@code number} of {@code pages}
 * (1-based), rows {@code from}–{@code to} of {@code total} (1-based, inclusive; 0–0 of 0 when
 * there are none). The page's script pages and sorts the whole result in the browser; this is the
 * page readable without it, reached by the pager's buttons posting the query again.
 */
public record ResultPage(int number, int pages, int from, int to, int total, List<List<String>> rows) {

    static final int SIZE = 500;

    /** Page {@code wanted} of {@code result}, clamped to the pages there are. */
    static ResultPage of(QueryResult result, int wanted) {
        int total = result.rows().size();
        int pages = Math.max(1, (total + SIZE - 1) / SIZE);
        int number = Math.min(Math.max(1, wanted), pages);
        int start = (number - 1) * SIZE;
        int end = Math.min(total, start + SIZE);
        return new ResultPage(number, pages, total == 0 ? 0 : start + 1, end, total, result.rows().subList(start, end));
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages;
    }
}
