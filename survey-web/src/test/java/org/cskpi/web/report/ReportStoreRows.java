package org.cskpi.web.report;

import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;

import org.jooq.DSLContext;

/**
 * A hand-filled KPI store for the report page tests. Volumes (KPIS.md "volume"):
 * <pre>
 *              2026-W46  2026-W47  2026-W48 (incomplete)
 *   all          1000      1200       150
 *   channel chat  200       300
 *   team Billing  500       400
 * </pre>
 * so the whole operation rose 20 % in W47 (1200 / 1000 - 1), chat 50 % (300 / 200 - 1) and
 * Billing fell 20 % (400 / 500 - 1); W47 is the latest complete week.
 */
final class ReportStoreRows {

    private ReportStoreRows() {
    }

    static void fill(DSLContext dsl) {
        volume(dsl, "2026-W46", "all", "all", 1000, false);
        volume(dsl, "2026-W47", "all", "all", 1200, false);
        volume(dsl, "2026-W48", "all", "all", 150, true);
        volume(dsl, "2026-W46", "channel", "chat", 200, false);
        volume(dsl, "2026-W47", "channel", "chat", 300, false);
        volume(dsl, "2026-W46", "team", "Billing", 500, false);
        volume(dsl, "2026-W47", "team", "Billing", 400, false);
    }

    static void volume(DSLContext dsl, String week, String breakdown, String value, long n, boolean incomplete) {
        dsl.insertInto(KPI_WEEKLY)
                .set(KPI_WEEKLY.WEEK, week).set(KPI_WEEKLY.BREAKDOWN, breakdown)
                .set(KPI_WEEKLY.BREAKDOWN_VALUE, value).set(KPI_WEEKLY.KPI, "volume")
                .set(KPI_WEEKLY.VALUE, (double) n).set(KPI_WEEKLY.SAMPLE_SIZE, n)
                .set(KPI_WEEKLY.SMALL_SAMPLE, n < 30).set(KPI_WEEKLY.INCOMPLETE, incomplete)
                .execute();
    }
}
