package org.cskpi.web.query;

import static org.cskpi.store.jooq.Tables.QUERY_HISTORY;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.cskpi.store.jooq.tables.records.QueryHistoryRecord;
import org.jooq.DSLContext;

/**
 * The analysts' last runs on /query (store table {@code query_history}): each run, success or
 * error, with its time and row count or one-line error. Only the newest {@link #KEPT} per user
 * are kept: recording a run deletes that user's older ones. A run of the same text as the
 * user's newest entry replaces it, so running one query over and over keeps one entry.
 */
public final class QueryHistory {

    public static final int KEPT = 20;
    /** The column's width; a longer message (Spark's rarely are) is cut. */
    static final int MAX_ERROR_LENGTH = 1_000;

    /** One run: {@code rowCount} (and {@code moreRows} when the page's cap cut it) or {@code error}. */
    public record Run(long id, long userId, String sql, OffsetDateTime ranAt, Long rowCount, boolean moreRows,
                      String error) {

        public boolean failed() {
            return error != null;
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    public QueryHistory(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Runs {@code query}, records its rows or its refusal for the user, and returns or rethrows it. */
    public QueryResult record(long userId, String sql, Supplier<QueryResult> query) {
        QueryResult result;
        try {
            result = query.get();
        } catch (QueryRefused e) {
            recordError(userId, sql, e.getMessage());
            throw e;
        }
        recordRows(userId, sql, result.rows().size(), result.truncated());
        return result;
    }

    public void recordRows(long userId, String sql, long rows, boolean moreRows) {
        insert(userId, sql, rows, moreRows, null);
    }

    public void recordError(long userId, String sql, String error) {
        String line = error == null || error.isBlank() ? "failed" : error;
        insert(userId, sql, null, false, line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH) : line);
    }

    /** The user's newest runs first, at most {@link #KEPT}. */
    public List<Run> latest(long userId) {
        return dsl.selectFrom(QUERY_HISTORY).where(QUERY_HISTORY.USER_ID.eq(userId))
                .orderBy(QUERY_HISTORY.ID.desc()).limit(KEPT).fetch(QueryHistory::toRun);
    }

    /** The run {@code id} if it is the user's own (a history is nobody else's to read). */
    public Optional<Run> find(long id, long userId) {
        return dsl.selectFrom(QUERY_HISTORY)
                .where(QUERY_HISTORY.ID.eq(id).and(QUERY_HISTORY.USER_ID.eq(userId))).fetchOptional(QueryHistory::toRun);
    }

    private void insert(long userId, String sql, Long rows, boolean moreRows, String error) {
        String text = sql.length() > SingleStatement.MAX_LENGTH ? sql.substring(0, SingleStatement.MAX_LENGTH) : sql;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        dsl.transaction(tx -> {
            // Running the same text again replaces the newest entry: re-runs do not push the rest out.
            tx.dsl().select(QUERY_HISTORY.ID, QUERY_HISTORY.SQL_TEXT).from(QUERY_HISTORY)
                    .where(QUERY_HISTORY.USER_ID.eq(userId)).orderBy(QUERY_HISTORY.ID.desc()).limit(1)
                    .fetchOptional()
                    .filter(newest -> newest.value2().equals(text))
                    .ifPresent(newest -> tx.dsl().deleteFrom(QUERY_HISTORY).where(QUERY_HISTORY.ID.eq(newest.value1())).execute());
            tx.dsl().insertInto(QUERY_HISTORY).set(QUERY_HISTORY.USER_ID, userId).set(QUERY_HISTORY.SQL_TEXT, text)
                    .set(QUERY_HISTORY.RAN_AT, now).set(QUERY_HISTORY.ROW_COUNT, rows)
                    .set(QUERY_HISTORY.MORE_ROWS, moreRows).set(QUERY_HISTORY.ERROR, error).execute();
            // The oldest run still kept; everything of this user's before it goes.
            Optional<Long> oldestKept = tx.dsl().select(QUERY_HISTORY.ID).from(QUERY_HISTORY)
                    .where(QUERY_HISTORY.USER_ID.eq(userId)).orderBy(QUERY_HISTORY.ID.desc())
                    .limit(1).offset(KEPT - 1).fetchOptional(QUERY_HISTORY.ID);
            oldestKept.ifPresent(id -> tx.dsl().deleteFrom(QUERY_HISTORY)
                    .where(QUERY_HISTORY.USER_ID.eq(userId).and(QUERY_HISTORY.ID.lt(id))).execute());
        });
    }

    private static Run toRun(QueryHistoryRecord row) {
        return new Run(row.getId(), row.getUserId(), row.getSqlText(), row.getRanAt(), row.getRowCount(),
                row.getMoreRows(), row.getError());
    }
}
