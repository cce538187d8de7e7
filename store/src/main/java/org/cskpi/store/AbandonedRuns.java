package org.cskpi.store;

import static org.cskpi.store.jooq.Tables.RUNS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.cskpi.store.jooq.tables.records.RunsRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks {@code running} runs whose process is gone (killed, or its machine restarted) as
 * {@code abandoned}, with {@code finished_at} the time that was noticed. Runs from another host
 * are left alone: their process cannot be checked from here. So are runs from before V3 (no pid).
 */
final class AbandonedRuns {

    private static final Logger LOG = LoggerFactory.getLogger(AbandonedRuns.class);

    private final DSLContext dsl;
    private final Clock clock;

    AbandonedRuns(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Returns how many runs it marked. */
    int mark() {
        RunProcess here = RunProcess.current();
        int marked = 0;
        for (RunsRecord run : dsl.selectFrom(RUNS).where(RUNS.STATUS.eq(RunLog.RUNNING), RUNS.HOST.eq(here.host()),
                RUNS.PID.isNotNull()).fetch()) {
            RunProcess process = new RunProcess(run.getHost(), run.getPid(),
                    run.getProcessStartedAt() == null ? null : run.getProcessStartedAt().toInstant());
            if (!process.isAlive()) {
                marked += abandon(run);
            }
        }
        return marked;
    }

    private int abandon(RunsRecord run) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String message = "abandoned: its process (pid " + run.getPid() + " on " + run.getHost()
                + ") was gone when noticed at " + now.toInstant();
        int updated = dsl.update(RUNS)
                .set(RUNS.STATUS, RunLog.ABANDONED)
                .set(RUNS.FINISHED_AT, now)
                .set(RUNS.MESSAGE, message)
                .where(RUNS.ID.eq(run.getId()), RUNS.STATUS.eq(RunLog.RUNNING))
                .execute();
        if (updated > 0) {
            LOG.warn("run {} ({}, started {}) {}", run.getId(), run.getKind(), run.getStartedAt(), message);
        }
        return updated;
    }
}
