package org.cskpi.store;

import static org.cskpi.store.jooq.Tables.RUNS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/** Records batch runs in the store's {@code runs} table. */
public final class RunLog {

    private final DSLContext dsl;
    private final Clock clock;

    public RunLog(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Row counts of a finished run; null where a run kind has no such count. */
    public record Counts(Long rowsIn, Long rowsOut, Long rowsQuarantined) {
        public static final Counts NONE = new Counts(null, null, null);
    }

    /** Inserts a {@code running} row and returns its id. */
    public long start(String kind) {
        return dsl.insertInto(RUNS)
                .set(RUNS.KIND, kind)
                .set(RUNS.STARTED_AT, now())
                .set(RUNS.STATUS, "running")
                .returning(RUNS.ID)
                .fetchOne(RUNS.ID);
    }

    public void succeeded(long runId, Counts counts, String message) {
        finish(runId, "succeeded", counts, message);
    }

    public void failed(long runId, Counts counts, String message) {
        finish(runId, "failed", counts, message);
    }

    private void finish(long runId, String status, Counts counts, String message) {
        dsl.update(RUNS)
                .set(RUNS.FINISHED_AT, now())
                .set(RUNS.STATUS, status)
                .set(RUNS.ROWS_IN, counts.rowsIn())
                .set(RUNS.ROWS_OUT, counts.rowsOut())
                .set(RUNS.ROWS_QUARANTINED, counts.rowsQuarantined())
                .set(RUNS.MESSAGE, message == null ? null : truncate(message))
                .where(RUNS.ID.eq(runId))
                .execute();
    }

    private static String truncate(String message) {
        return message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
