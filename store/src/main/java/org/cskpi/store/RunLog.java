package org.cskpi.store;

import static org.cskpi.store.jooq.Tables.RUNS;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.cskpi.store.kpi.BreakdownNames;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Records batch runs in the store's {@code runs} table: {@code running} from {@link #start}
 * (with the process, so that a killed run can be told from a live one) until it
 * {@code succeeded}, {@code failed}, or was found {@code abandoned} by a later command.
 */
public final class RunLog {

    static final String RUNNING = "running";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String ABANDONED = "abandoned";

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

    /** Inserts a {@code running} row for this process and returns its id. */
    public long start(String kind) {
        RunProcess process = RunProcess.current();
        return dsl.insertInto(RUNS)
                .set(RUNS.KIND, kind)
                .set(RUNS.STARTED_AT, now())
                .set(RUNS.STATUS, RUNNING)
                .set(RUNS.HOST, process.host())
                .set(RUNS.PID, process.pid())
                .set(RUNS.PROCESS_STARTED_AT, process.startedAt() == null ? null : utc(process.startedAt()))
                .returning(RUNS.ID)
                .fetchOne(RUNS.ID);
    }

    /**
     * Runs {@code work} as one run of {@code kind}: a {@code running} row first, then the work
     * with the run's id. The work marks the run succeeded at its own commit point (the counts
     * and versions are its own; {@code analyze} does it inside its publish transaction). When
     * the work throws, the run is marked failed with the exception's message and the exception
     * goes on to the caller.
     */
    public <T> T track(String kind, LongFunction<T> work) {
        long runId = start(kind);
        try {
            return work.apply(runId);
        } catch (RuntimeException e) {
            failed(runId, Counts.NONE, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    public void succeeded(long runId, Counts counts, String message) {
        finish(runId, SUCCEEDED, counts, message, DSL.trueCondition());
    }

    /**
     * The commit point of a run that wrote the warehouse: marks it succeeded and records the
     * {@code versions} it wrote (table -> version) in one transaction; only then do readers see
     * them ({@link RunVersions}). Called inside a wider transaction, it commits with that one.
     */
    public void succeeded(long runId, Counts counts, String message, Map<String, String> versions) {
        dsl.transaction(tx -> {
            new RunVersions(tx.dsl()).record(runId, versions);
            new RunLog(tx.dsl(), clock).succeeded(runId, counts, message);
        });
    }

    /**
     * Records the cut-off an analyze run computed its KPIs as of (docs/kpis.md#cut-off), what the
     * report's "data as of" says; inside the run's publish transaction, it commits with it.
     */
    public void cutOff(long runId, Instant cutOff) {
        dsl.update(RUNS).set(RUNS.CUT_OFF, utc(cutOff)).where(RUNS.ID.eq(runId)).execute();
    }

    /** Marks a run that is still running failed; an outcome already recorded stays. */
    public void failed(long runId, Counts counts, String message) {
        finish(runId, FAILED, counts, message, RUNS.STATUS.eq(RUNNING));
    }

    /** When the latest succeeded run of {@code kind} started; empty when none did. */
    public Optional<Instant> lastSucceeded(String kind) {
        OffsetDateTime started = dsl.select(DSL.max(RUNS.STARTED_AT)).from(RUNS)
                .where(RUNS.KIND.eq(kind), RUNS.STATUS.eq(SUCCEEDED))
                .fetchOne(0, OffsetDateTime.class);
        return Optional.ofNullable(started).map(OffsetDateTime::toInstant);
    }

    /** The warehouse versions runs committed, read through the same store. */
    public RunVersions versions() {
        return new RunVersions(dsl);
    }

    /** What earlier analyze runs computed from, read through the same store. */
    public AnalyzeRuns analyzeRuns() {
        return new AnalyzeRuns(dsl);
    }

    /** The display names of breakdown values, written by runs through the same store. */
    public BreakdownNames names() {
        return new BreakdownNames(dsl);
    }

    private void finish(long runId, String status, Counts counts, String message, Condition onlyIf) {
        dsl.update(RUNS)
                .set(RUNS.FINISHED_AT, now())
                .set(RUNS.STATUS, status)
                .set(RUNS.ROWS_IN, counts.rowsIn())
                .set(RUNS.ROWS_OUT, counts.rowsOut())
                .set(RUNS.ROWS_QUARANTINED, counts.rowsQuarantined())
                .set(RUNS.MESSAGE, message == null ? null : truncate(message))
                .where(RUNS.ID.eq(runId), onlyIf)
                .execute();
    }

    private static String truncate(String message) {
        return message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
