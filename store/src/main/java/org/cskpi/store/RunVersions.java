package org.cskpi.store;

import static org.cskpi.store.jooq.Tables.RUNS;
import static org.cskpi.store.jooq.Tables.RUN_VERSIONS;

import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * The warehouse versions that runs committed ({@code run_versions}): the store's word on which
 * version of a warehouse table is current. A run records them in the transaction that marks it
 * succeeded ({@link RunLog#succeeded(long, RunLog.Counts, String, Map)}), so a version becomes
 * current exactly when the run that wrote it commits, and a killed run's versions never do.
 */
public final class RunVersions {

    private final DSLContext dsl;

    public RunVersions(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The version of {@code table} that the latest succeeded run recorded; empty when none did. */
    public Optional<String> current(String table) {
        return latest(table).map(Record2::value2);
    }

    /** The succeeded run that recorded the current version of {@code table}; empty when none did. */
    public Optional<Long> currentRun(String table) {
        return latest(table).map(Record2::value1);
    }

    private Optional<Record2<Long, String>> latest(String table) {
        return dsl.select(RUN_VERSIONS.RUN_ID, RUN_VERSIONS.VERSION)
                .from(RUN_VERSIONS).join(RUNS).on(RUNS.ID.eq(RUN_VERSIONS.RUN_ID))
                .where(RUN_VERSIONS.TABLE_NAME.eq(table), RUNS.STATUS.eq(RunLog.SUCCEEDED))
                .orderBy(RUN_VERSIONS.RUN_ID.desc())
                .limit(1)
                .fetchOptional();
    }

    void record(long runId, Map<String, String> versions) {
        versions.forEach((table, version) -> dsl.insertInto(RUN_VERSIONS)
                .set(RUN_VERSIONS.RUN_ID, runId)
                .set(RUN_VERSIONS.TABLE_NAME, table)
                .set(RUN_VERSIONS.VERSION, version)
                .execute());
    }
}
