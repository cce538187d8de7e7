package org.cskpi.store;

import static org.cskpi.store.jooq.Tables.ANALYZE_RUNS;
import static org.cskpi.store.jooq.Tables.RUNS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cskpi.store.jooq.tables.records.AnalyzeRunsRecord;
import org.jooq.DSLContext;

/**
 * What each succeeded analyze run computed from ({@code analyze_runs}, V6), so that the next
 * run can recompute only the weeks whose inputs changed (docs/kpis.md#incremental-runs). The
 * row is written in the transaction that publishes the run's KPIs and marks it succeeded.
 */
public final class AnalyzeRuns {

    public static final String FULL = "full";
    public static final String INCREMENTAL = "incremental";
    public static final String RANGE = "range";

    private final DSLContext dsl;

    public AnalyzeRuns(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * One run's inputs. {@code ticketsRunId} is the ingest run that recorded the tickets version
     * read (null when none did); {@code answersMaxId}/{@code invitationsMaxId} null when there
     * were none; {@code weekFrom}/{@code weekTo} the bounds of a range run (null = open).
     */
    public record Inputs(long runId, String mode, String configHash, Instant cutOff, String ticketsVersion,
                         Long ticketsRunId, Survey survey, String weekFrom, String weekTo) {

        /**
         * The ingest runs whose ticket changes the next incremental run needs: those with a higher
         * id than this. All (0) when the run read no tickets; empty when the run read a tickets
         * version no ingest run recorded, so no change log can say what changed since.
         */
        public Optional<Long> ticketChangesAfter() {
            if (ticketsVersion == null) {
                return Optional.of(0L);
            }
            return Optional.ofNullable(ticketsRunId);
        }
    }

    /** The survey rows a run read: highest id and number of rows, of answers and of invitations. */
    public record Survey(Long answersMaxId, long answersCount, Long invitationsMaxId, long invitationsCount) {
    }

    public void record(Inputs inputs) {
        dsl.insertInto(ANALYZE_RUNS)
                .set(ANALYZE_RUNS.RUN_ID, inputs.runId())
                .set(ANALYZE_RUNS.MODE, inputs.mode())
                .set(ANALYZE_RUNS.CONFIG_HASH, inputs.configHash())
                .set(ANALYZE_RUNS.CUT_OFF, inputs.cutOff().atOffset(ZoneOffset.UTC))
                .set(ANALYZE_RUNS.TICKETS_VERSION, inputs.ticketsVersion())
                .set(ANALYZE_RUNS.TICKETS_RUN_ID, inputs.ticketsRunId())
                .set(ANALYZE_RUNS.ANSWERS_MAX_ID, inputs.survey().answersMaxId())
                .set(ANALYZE_RUNS.ANSWERS_COUNT, inputs.survey().answersCount())
                .set(ANALYZE_RUNS.INVITATIONS_MAX_ID, inputs.survey().invitationsMaxId())
                .set(ANALYZE_RUNS.INVITATIONS_COUNT, inputs.survey().invitationsCount())
                .set(ANALYZE_RUNS.WEEK_FROM, inputs.weekFrom())
                .set(ANALYZE_RUNS.WEEK_TO, inputs.weekTo())
                .execute();
    }

    /**
     * The latest succeeded full or incremental run: after it, every published week was computed
     * from the inputs it records. Empty before the first such run.
     */
    public Optional<Inputs> baseline() {
        return succeeded().where(ANALYZE_RUNS.MODE.in(FULL, INCREMENTAL))
                .orderBy(ANALYZE_RUNS.RUN_ID.desc()).limit(1)
                .fetchOptional(r -> inputs(r.into(ANALYZE_RUNS)));
    }

    /** Succeeded range runs after {@code runId}: the weeks they republished came from newer inputs. */
    public List<Inputs> rangesAfter(long runId) {
        return succeeded().where(ANALYZE_RUNS.MODE.eq(RANGE), ANALYZE_RUNS.RUN_ID.gt(runId))
                .orderBy(ANALYZE_RUNS.RUN_ID)
                .fetch(r -> inputs(r.into(ANALYZE_RUNS)));
    }

    private org.jooq.SelectJoinStep<org.jooq.Record> succeeded() {
        return dsl.select(ANALYZE_RUNS.fields()).from(ANALYZE_RUNS)
                .join(RUNS).on(RUNS.ID.eq(ANALYZE_RUNS.RUN_ID).and(RUNS.STATUS.eq(RunLog.SUCCEEDED)));
    }

    private static Inputs inputs(AnalyzeRunsRecord r) {
        return new Inputs(r.getRunId(), r.getMode(), r.getConfigHash(), r.getCutOff().toInstant(),
                r.getTicketsVersion(), r.getTicketsRunId(), new Survey(r.getAnswersMaxId(), r.getAnswersCount(),
                r.getInvitationsMaxId(), r.getInvitationsCount()), r.getWeekFrom(), r.getWeekTo());
    }
}
