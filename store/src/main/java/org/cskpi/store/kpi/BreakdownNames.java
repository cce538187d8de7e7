package org.cskpi.store.kpi;

import static org.cskpi.store.jooq.Tables.BREAKDOWN_NAMES;

import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Display names of breakdown values that are ids ({@code breakdown_names}): KPI rows stay keyed
 * by id (an agent renamed in the help desk keeps one history), reports show the name and fall
 * back to the id (docs/ingest.md#agent-and-team-names).
 */
public final class BreakdownNames {

    private final DSLContext dsl;

    public BreakdownNames(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Records {@code names} (value -> name) of {@code breakdown}, replacing the name an earlier
     * run recorded for the same value; values not given keep theirs (an export of one month
     * may not list every agent of the history).
     */
    public void record(Breakdown breakdown, Map<String, String> names, long runId) {
        if (names.isEmpty()) {
            return;
        }
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            db.batch(names.entrySet().stream().map(e -> (Query) db.insertInto(BREAKDOWN_NAMES)
                    .set(BREAKDOWN_NAMES.BREAKDOWN, breakdown.storedName())
                    .set(BREAKDOWN_NAMES.BREAKDOWN_VALUE, e.getKey())
                    .set(BREAKDOWN_NAMES.NAME, e.getValue())
                    .set(BREAKDOWN_NAMES.RUN_ID, runId)
                    .onDuplicateKeyUpdate()
                    .set(BREAKDOWN_NAMES.NAME, e.getValue())
                    .set(BREAKDOWN_NAMES.RUN_ID, runId)).toList()).execute();
        });
    }

    /** The names of {@code breakdown}'s values, by value. */
    public Map<String, String> of(Breakdown breakdown) {
        Map<String, String> names = new TreeMap<>();
        dsl.select(BREAKDOWN_NAMES.BREAKDOWN_VALUE, BREAKDOWN_NAMES.NAME).from(BREAKDOWN_NAMES)
                .where(BREAKDOWN_NAMES.BREAKDOWN.eq(breakdown.storedName()))
                .forEach(r -> names.put(r.value1(), r.value2()));
        return names;
    }
}
