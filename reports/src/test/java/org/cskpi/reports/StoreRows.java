package org.cskpi.reports;

import static org.cskpi.store.jooq.Tables.BUSIEST_HOURS;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.RUNS;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;
import static org.cskpi.store.jooq.Tables.TOP_COMPLAINTS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;
import org.jooq.DSLContext;

/** Fills a freshly migrated in-memory KPI store by hand, row by row, as analytics would. */
public final class StoreRows {

    private final Store store;
    private final DSLContext dsl;

    private StoreRows(Store store) {
        this.store = store;
        this.dsl = store.dsl();
    }

    public static StoreRows fresh() {
        return new StoreRows(Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString())));
    }

    /** Rows into an already open, migrated store (the caller closes it). */
    public static StoreRows wrap(Store store) {
        return new StoreRows(store);
    }

    public Store store() {
        return store;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** A complete KPI row; small_sample follows docs/kpis.md#small-samples (sample_size < 30). */
    public StoreRows kpi(String week, String breakdown, String value, String kpi, double v, long n) {
        return kpi(week, breakdown, value, kpi, v, n, false);
    }

    public StoreRows kpi(String week, String breakdown, String value, String kpi, double v, long n,
                         boolean incomplete) {
        dsl.insertInto(KPI_WEEKLY)
                .set(KPI_WEEKLY.WEEK, week).set(KPI_WEEKLY.BREAKDOWN, breakdown)
                .set(KPI_WEEKLY.BREAKDOWN_VALUE, value).set(KPI_WEEKLY.KPI, kpi)
                .set(KPI_WEEKLY.VALUE, v).set(KPI_WEEKLY.SAMPLE_SIZE, n)
                .set(KPI_WEEKLY.SMALL_SAMPLE, n < 30).set(KPI_WEEKLY.INCOMPLETE, incomplete)
                .execute();
        return this;
    }

    public StoreRows all(String week, String kpi, double v, long n) {
        return kpi(week, "all", "all", kpi, v, n);
    }

    public StoreRows hour(String week, int weekday, int hour, long tickets) {
        dsl.insertInto(BUSIEST_HOURS).set(BUSIEST_HOURS.WEEK, week).set(BUSIEST_HOURS.WEEKDAY, weekday)
                .set(BUSIEST_HOURS.HOUR, hour).set(BUSIEST_HOURS.TICKETS, tickets).execute();
        return this;
    }

    public StoreRows complaint(String week, String category, long tickets, double share, Double change,
                               Double repeatRate) {
        dsl.insertInto(TOP_COMPLAINTS).set(TOP_COMPLAINTS.WEEK, week).set(TOP_COMPLAINTS.CATEGORY, category)
                .set(TOP_COMPLAINTS.TICKETS, tickets).set(TOP_COMPLAINTS.SHARE, share)
                .set(TOP_COMPLAINTS.CHANGE_VS_PREVIOUS, change)
                .set(TOP_COMPLAINTS.REPEAT_CONTACT_RATE, repeatRate).execute();
        return this;
    }

    public StoreRows answer(String answeredAt, int score, String comment, String ticketId) {
        dsl.insertInto(SURVEY_RESPONSES).set(SURVEY_RESPONSES.SCORE, score)
                .set(SURVEY_RESPONSES.COMMENT, comment).set(SURVEY_RESPONSES.TICKET_ID, ticketId)
                .set(SURVEY_RESPONSES.LOCALE, "en")
                .set(SURVEY_RESPONSES.ANSWERED_AT, Instant.parse(answeredAt).atOffset(ZoneOffset.UTC))
                .set(SURVEY_RESPONSES.ORIGIN, "import").execute();
        return this;
    }

    /**
     * A finished analyze run that published {@code week}'s rows (those inserted so far): its
     * cut-off (null for a run from before cut-offs were recorded) and finish time.
     */
    public StoreRows publishedBy(String week, String cutOff, String finishedAt) {
        long run = dsl.insertInto(RUNS).set(RUNS.KIND, "analyze").set(RUNS.STATUS, "succeeded")
                .set(RUNS.STARTED_AT, Instant.parse(finishedAt).minusSeconds(60).atOffset(ZoneOffset.UTC))
                .set(RUNS.FINISHED_AT, Instant.parse(finishedAt).atOffset(ZoneOffset.UTC))
                .set(RUNS.CUT_OFF, cutOff == null ? null : Instant.parse(cutOff).atOffset(ZoneOffset.UTC))
                .returning(RUNS.ID).fetchOne(RUNS.ID);
        dsl.update(KPI_WEEKLY).set(KPI_WEEKLY.RUN_ID, run).where(KPI_WEEKLY.WEEK.eq(week)).execute();
        return this;
    }
}
