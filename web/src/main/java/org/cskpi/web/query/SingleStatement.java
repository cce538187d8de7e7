package org.cskpi.web.query;

/**
 * Finds the one SQL statement in an analyst's text, refusing batches ("SELECT 1; DELETE ...").
 * This is defence in depth only: what makes /query read-only is the database user it runs as
 * ({@link QueryDatabase}). The scan knows H2's lexical forms that can hide a semicolon:
 * 'strings' (with '' inside), "identifiers", $$dollar quoted$$ text, -- and // line comments,
 * and block comments. It also refuses parentheses nested more than {@link #MAX_NESTING} deep:
 * H2 parses them recursively, and a few thousand overflow the request thread's stack.
 */
final class SingleStatement {

    static final int MAX_LENGTH = 100_000;
    static final int MAX_NESTING = 100;

    private SingleStatement() {
    }

    /** The statement without trailing semicolons and blanks; throws when there is none or several. */
    static String of(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new QueryRefused("Enter a query.");
        }
        if (sql.length() > MAX_LENGTH) {
            throw new QueryRefused("The query is longer than " + MAX_LENGTH + " characters.");
        }
        int end = -1;
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(sql, i, c);
            } else if (sql.startsWith("$$", i)) {
                i = skipPast(sql, i + 2, "$$");
            } else if (sql.startsWith("--", i) || sql.startsWith("//", i)) {
                i = skipPast(sql, i + 2, "\n");
            } else if (sql.startsWith("/*", i)) {
                i = skipPast(sql, i + 2, "*/");
            } else if (c == ';') {
                if (end < 0) {
                    end = i;
                }
                i++;
            } else {
                if (end >= 0 && !Character.isWhitespace(c)) {
                    throw new QueryRefused("Only one statement per query: remove everything after the first ';'.");
                }
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth > MAX_NESTING) {
                    throw new QueryRefused("The query is nested too deeply: more than " + MAX_NESTING
                            + " parentheses inside each other.");
                }
                i++;
            }
        }
        String statement = (end < 0 ? sql : sql.substring(0, end)).strip();
        if (statement.isEmpty()) {
            throw new QueryRefused("Enter a query.");
        }
        return statement;
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new QueryRefused("Unterminated " + (quote == '\'' ? "string" : "quoted name") + " in the query.");
    }

    private static int skipPast(String sql, int from, String terminator) {
        int at = sql.indexOf(terminator, from);
        if (at < 0) {
            if (terminator.equals("\n")) {
                return sql.length();
            }
            throw new QueryRefused("Unterminated comment or $$ text in the query.");
        }
        return at + terminator.length();
    }
}
