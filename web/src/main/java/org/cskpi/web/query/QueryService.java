package org.cskpi.web.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one analyst query over the read-only connection with a time limit
 * ({@code web.query_timeout_seconds}) and a row limit ({@code web.query_max_rows}).
 * Only {@code executeQuery} is used: H2 refuses it for anything that is not a query.
 */
public final class QueryService implements AutoCloseable {

    /** H2 error codes (org.h2.api.ErrorCode) turned into plain messages. */
    private static final int METHOD_ONLY_ALLOWED_FOR_QUERY = 90002;
    private static final int STATEMENT_WAS_CANCELED = 57014;
    private static final int NOT_ENOUGH_RIGHTS = 90096;
    private static final int ADMIN_RIGHTS_REQUIRED = 90040;

    private final QueryDatabase database;
    private final int timeoutSeconds;
    private final int maxRows;

    public QueryService(QueryDatabase database, int timeoutSeconds, int maxRows) {
        this.database = database;
        this.timeoutSeconds = timeoutSeconds;
        this.maxRows = maxRows;
    }

    public int maxRows() {
        return maxRows;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** Closes the read-only connections; the query feature does so when the server stops. */
    @Override
    public void close() {
        database.close();
    }

    public QueryResult run(String sql) {
        String statement = SingleStatement.of(sql);
        long started = System.nanoTime();
        try (Connection connection = database.connection();
             PreparedStatement prepared = connection.prepareStatement(statement)) {
            prepared.setQueryTimeout(timeoutSeconds);
            prepared.setMaxRows(maxRows + 1);
            try (ResultSet rows = prepared.executeQuery()) {
                return read(rows, started);
            }
        } catch (SQLException e) {
            throw new QueryRefused(describe(e));
        } catch (StackOverflowError e) {
            // H2 parses and evaluates expressions recursively; SingleStatement caps parentheses,
            // but other chains ("NOT NOT ...", "- - ...") can still run out of stack. The stack
            // has unwound by here and the statement and connection are closed.
            throw new QueryRefused("The query is nested too deeply for the database to read: "
                    + "write it with fewer operators or brackets inside each other.");
        }
    }

    private QueryResult read(ResultSet rows, long started) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int width = meta.getColumnCount();
        List<String> columns = new ArrayList<>(width);
        List<Boolean> numeric = new ArrayList<>(width);
        for (int c = 1; c <= width; c++) {
            columns.add(meta.getColumnLabel(c).toLowerCase(Locale.ROOT));
            numeric.add(isNumeric(meta.getColumnType(c)));
        }
        List<List<String>> out = new ArrayList<>();
        boolean truncated = false;
        while (rows.next()) {
            if (out.size() == maxRows) {
                truncated = true;
                break;
            }
            List<String> row = new ArrayList<>(width);
            for (int c = 1; c <= width; c++) {
                Object value = rows.getObject(c);
                row.add(value == null ? null : value.toString());
            }
            out.add(row);
        }
        return new QueryResult(columns, numeric, out, truncated, (System.nanoTime() - started) / 1_000_000);
    }

    /** The tables (views) the query user can read, with their columns, for the page's side list. */
    public List<TableInfo> tables() {
        String sql = "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION";
        Map<String, List<TableInfo.Column>> tables = new LinkedHashMap<>();
        try (Connection connection = database.connection();
             PreparedStatement prepared = connection.prepareStatement(sql)) {
            prepared.setString(1, QueryDatabase.SCHEMA);
            try (ResultSet rows = prepared.executeQuery()) {
                while (rows.next()) {
                    tables.computeIfAbsent(rows.getString(1).toLowerCase(Locale.ROOT), t -> new ArrayList<>())
                            .add(new TableInfo.Column(rows.getString(2).toLowerCase(Locale.ROOT),
                                    rows.getString(3).toLowerCase(Locale.ROOT)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the query tables: " + e.getMessage(), e);
        }
        List<TableInfo> result = new ArrayList<>();
        tables.forEach((name, cols) -> result.add(new TableInfo(name, List.copyOf(cols))));
        return result;
    }

    private String describe(SQLException e) {
        return switch (e.getErrorCode()) {
            case METHOD_ONLY_ALLOWED_FOR_QUERY -> "Only queries can run here (SELECT, WITH, VALUES, TABLE, EXPLAIN): "
                    + "this page cannot change data.";
            case STATEMENT_WAS_CANCELED -> "The query ran longer than " + timeoutSeconds
                    + " s and was stopped (web.query_timeout_seconds).";
            case NOT_ENOUGH_RIGHTS, ADMIN_RIGHTS_REQUIRED -> "Not allowed on this page: " + firstLine(e.getMessage());
            default -> firstLine(e.getMessage());
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "query failed";
        }
        String line = message.lines().findFirst().orElse(message);
        int sqlPart = line.indexOf("; SQL statement:");
        return sqlPart > 0 ? line.substring(0, sqlPart) : line;
    }

    private static boolean isNumeric(int type) {
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT,
                 Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> true;
            default -> false;
        };
    }
}
