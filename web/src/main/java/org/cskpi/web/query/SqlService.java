package org.cskpi.web.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.QueryContext;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.SparkSession;
import org.apache.spark.sql.connect.client.SparkResult;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.util.CloseableIterator;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cskpi.config.CskpiConfig;
import org.sparkproject.io.grpc.Status;
import org.sparkproject.io.grpc.StatusRuntimeException;

/**
 * The analysts' queries, sent to the SQL service ({@code cskpi sql-server}) through the Spark
 * Connect client: this JVM only ships the text and reads rows back, it never evaluates the SQL.
 * Each analyst has a Connect session of their own ({@link AnalystSessions}), so what one sets
 * reaches nobody else.
 * The service enforces read-only access, the time limit and its row cap; this side asks for at
 * most {@code web.query_max_rows} rows plus one, to know whether more exist.
 */
public final class SqlService implements AutoCloseable {

    /** The views of the service, in the order the schema browser lists them. */
    static final List<String> VIEWS = List.of("tickets", "messages", "survey_responses", "survey_invitations",
            "kpi_weekly", "busiest_hours", "top_complaints");

    private final CskpiConfig.SqlServer server;
    private final int timeoutSeconds;
    private final int maxRows;
    private final AnalystSessions<SparkSession> sessions = new AnalystSessions<>(this::open, Duration.ofMinutes(10), System::nanoTime);
    /**
     * Threads that wait for the service, one per running query: the common pool has as many
     * threads as cores less one, and a long query would hold one of them from everybody else.
     */
    private final ExecutorService waiting = Executors.newCachedThreadPool(SqlService::waitingThread);
    private static final AtomicInteger WAITING_THREADS = new AtomicInteger();

    public SqlService(CskpiConfig.SqlServer server, int timeoutSeconds, int maxRows) {
        this.server = server;
        this.timeoutSeconds = timeoutSeconds;
        this.maxRows = maxRows;
    }

    public int maxRows() {
        return maxRows;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /**
     * Runs one statement as {@code analyst} (their user name: the service runs each user's
     * queries in a scheduler pool of their own); {@link QueryRefused} carries the one line to show.
     */
    public QueryResult run(String sql, String analyst) {
        String statement = SingleStatement.of(sql);
        long started = System.nanoTime();
        return withSession(statement, analyst, session -> {
            // The rows come with their schema: one round trip for the query, none to describe it.
            try (SparkResult<Row> result = session.sql(statement).limit(maxRows + 1).collectResult()) {
                List<Row> rows = new ArrayList<>(result.length());
                // Closing the result frees what its iterator holds.
                CloseableIterator<Row> it = result.iterator();
                while (it.hasNext()) {
                    rows.add(it.next());
                }
                return read(result.schema(), rows, started);
            }
        });
    }

    /** How long the schema browser's listing is reused: row counts change only when a run commits. */
    private static final long TABLES_FRESH_NANOS = TimeUnit.SECONDS.toNanos(30);

    private record Listing(long takenNanos, List<TableInfo> tables) {
    }

    private final AtomicReference<Listing> listing = new AtomicReference<>();
    private final AtomicBoolean listingRefresh = new AtomicBoolean();

    /**
     * The views with their columns, types and row counts, for the schema browser. Only the first
     * listing is taken while the page waits; after that a listing older than 30 s is shown once
     * more while a new one is taken in the background, so a page never waits behind the counts
     * (which queue behind any long query holding the service's task slots).
     */
    public List<TableInfo> tables(String analyst) {
        Listing last = listing.get();
        if (last == null) {
            List<TableInfo> tables = listTables(analyst);
            listing.set(new Listing(System.nanoTime(), tables));
            return tables;
        }
        if (System.nanoTime() - last.takenNanos() >= TABLES_FRESH_NANOS && listingRefresh.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try {
                    listing.set(new Listing(System.nanoTime(), listTables(analyst)));
                } catch (QueryRefused e) {
                    // The service is down or busy: the last listing stays until it answers again.
                } finally {
                    listingRefresh.set(false);
                }
            }, waiting);
        }
        return last.tables();
    }

    private List<TableInfo> listTables(String analyst) {
        return withSession("", analyst, session -> {
            List<TableInfo> tables = new ArrayList<>();
            StringBuilder counts = new StringBuilder();
            for (String view : VIEWS) {
                counts.append(counts.isEmpty() ? "" : " UNION ALL ")
                        .append("SELECT '").append(view).append("' AS view, count(*) AS row_count FROM ").append(view);
            }
            List<Row> countRows = session.sql(counts.toString()).collectAsList();
            for (int i = 0; i < VIEWS.size(); i++) {
                List<TableInfo.Column> columns = new ArrayList<>();
                for (StructField field : session.sql("SELECT * FROM " + VIEWS.get(i)).schema().fields()) {
                    columns.add(new TableInfo.Column(field.name(), field.dataType().simpleString()));
                }
                tables.add(new TableInfo(VIEWS.get(i), List.copyOf(columns), countRows.get(i).getLong(1)));
            }
            return tables;
        });
    }

    private interface Work<T> {
        T apply(SparkSession session);
    }

    private SparkSession open(String analyst) {
        Optional<String> token = server.token();
        if (token.isEmpty()) {
            throw new QueryRefused("The SQL service is not configured: set sql_server.token (docs/sql-server.md).");
        }
        try {
            return ConnectSessions.open(server, token.get(), analyst);
        } catch (RuntimeException e) {
            throw new QueryRefused(describe(e, ""));
        }
    }

    private <T> T withSession(String statement, String analyst, Work<T> work) {
        SparkSession session = sessions.of(analyst);
        String tag = "cskpi-query-" + UUID.randomUUID();
        CompletableFuture<T> running = CompletableFuture.supplyAsync(() -> {
            // Tags belong to the thread that sets them; this one sends the query.
            session.addTag(tag);
            try {
                return work.apply(session);
            } finally {
                session.removeTag(tag);
            }
        }, waiting);
        try {
            // The service stops a query at its own limit; this one is a safety net a little later.
            return running.get(timeoutSeconds + 5L, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            interrupt(session, tag);
            throw new QueryRefused("The query ran longer than " + timeoutSeconds + " s and was stopped.");
        } catch (ExecutionException e) {
            if (lostSession(e.getCause())) {
                sessions.discard(analyst, session);
            }
            throw new QueryRefused(describe(e.getCause(), statement));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupt(session, tag);
            throw new QueryRefused("The query was interrupted.");
        }
    }

    /**
     * Whether the session can no longer be used: the service is unreachable, or it does not know
     * the session (it restarted, or closed it as idle). The next query opens a new one.
     */
    private boolean lostSession(Throwable e) {
        String message = String.valueOf(e.getMessage());
        Status.Code code = statusOf(e, message);
        return code == Status.Code.UNAVAILABLE || code == Status.Code.UNAUTHENTICATED
                || message.contains("INVALID_HANDLE.SESSION");
    }

    private static void interrupt(SparkSession session, String tag) {
        try {
            session.interruptTag(tag);
        } catch (RuntimeException e) {
            // The service is gone: nothing runs there any more.
        }
    }

    private static Thread waitingThread(Runnable task) {
        Thread thread = new Thread(task, "cskpi-query-" + WAITING_THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /** Closes the analysts' sessions (when the web app stops). */
    @Override
    public void close() {
        waiting.shutdownNow();
        sessions.close();
    }

    /**
     * One line for the page: the service's own message, or what is wrong with reaching it. The
     * client hands gRPC failures on as a SparkException whose message is the gRPC status.
     */
    String describe(Throwable e, String statement) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : withPosition(e.getMessage());
        if (e instanceof SparkThrowable spark && !POSITION.matcher(message).find()) {
            message += positionIn(spark, statement);
        }
        Status.Code code = statusOf(e, message);
        if (code == Status.Code.UNAVAILABLE) {
            return "The SQL service is not running at " + server.url() + " (start it with ./cskpi sql-server).";
        }
        if (code == Status.Code.UNAUTHENTICATED) {
            return "The SQL service refused the web app's token: sql_server.token differs between the two.";
        }
        String grpcPrefix = StatusRuntimeException.class.getName() + ": ";
        if (message.startsWith(grpcPrefix)) {
            message = message.substring(grpcPrefix.length());
            message = message.startsWith(code + ": ") ? message.substring(code.name().length() + 2) : message;
        }
        return message;
    }

    static Status.Code statusOf(Throwable e, String message) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StatusRuntimeException status) {
                return status.getStatus().getCode();
            }
        }
        for (Status.Code code : Status.Code.values()) {
            if (message.contains(StatusRuntimeException.class.getSimpleName() + ": " + code.name() + ":")) {
                return code;
            }
        }
        return Status.Code.UNKNOWN;
    }

    private static final Pattern POSITION = Pattern.compile("line (\\d+),? pos(?:ition)? (\\d+)");

    /**
     * The first line of Spark's message, with the position of the error when Spark gives it on a
     * later line (a parse error's {@code == SQL (line 1, position 48) ==}).
     */
    static String withPosition(String message) {
        String first = firstLine(message);
        if (POSITION.matcher(first).find()) {
            return first;
        }
        Matcher position = POSITION.matcher(message);
        return position.find() ? first + " (line " + position.group(1) + ", position " + position.group(2) + ")" : first;
    }

    /** " (line L, position P)" of the first query context Spark gives, or "" (1-based, as Spark counts). */
    private static String positionIn(SparkThrowable error, String statement) {
        for (QueryContext context : error.getQueryContext()) {
            int start = context.startIndex();
            if (start >= 0 && start <= statement.length()) {
                String before = statement.substring(0, start);
                int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
                return " (line " + line + ", position " + (start - before.lastIndexOf('\n')) + ")";
            }
        }
        return "";
    }

    static String firstLine(String message) {
        return message.strip().lines().findFirst().orElse(message);
    }

    private QueryResult read(StructType schema, List<Row> rows, long started) {
        List<String> columns = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (StructField field : schema.fields()) {
            columns.add(field.name());
            numeric.add(field.dataType() instanceof NumericType);
        }
        boolean truncated = rows.size() > maxRows;
        List<List<String>> out = new ArrayList<>();
        for (Row row : rows.subList(0, Math.min(rows.size(), maxRows))) {
            List<String> cells = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                cells.add(row.isNullAt(c) ? null : String.valueOf(row.get(c)));
            }
            out.add(cells);
        }
        return new QueryResult(columns, numeric, out, truncated, (System.nanoTime() - started) / 1_000_000);
    }
}
