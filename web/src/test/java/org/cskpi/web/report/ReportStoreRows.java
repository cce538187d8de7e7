package org.cskpi.web.report;

import static org.cskpi.store.jooq.Tables.ANSWER_TICKETS;
import static org.cskpi.store.jooq.Tables.BUSIEST_HOURS;
import static org.cskpi.store.jooq.Tables.KPI_WEEKLY;
import static org.cskpi.store.jooq.Tables.RUNS;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import java.time.OffsetDateTime;

import org.jooq.DSLContext;

/**
 * A hand-filled KPI store for the report page tests. Volumes (docs/kpis.md#volume):
 * <pre>
 *              2026-W46  2026-W47  2026-W48 (incomplete)
 *   all          1000      1200       150
 *   channel chat  200       300
 *   team Billing  500       400
 * </pre>
 * so the whole operation rose 20 % in W47 (1200 / 1000 - 1), chat 50 % (300 / 200 - 1) and
 * Billing fell 20 % (400 / 500 - 1); W47 is the latest complete week.
 */
public final class ReportStoreRows {

    private ReportStoreRows() {
    }

    public static void fill(DSLContext dsl) {
        volume(dsl, "2026-W46", "all", "all", 1000, false);
        volume(dsl, "2026-W47", "all", "all", 1200, false);
        volume(dsl, "2026-W48", "all", "all", 150, true);
        volume(dsl, "2026-W46", "channel", "chat", 200, false);
        volume(dsl, "2026-W47", "channel", "chat", 300, false);
        volume(dsl, "2026-W46", "team", "Billing", 500, false);
        volume(dsl, "2026-W47", "team", "Billing", 400, false);
    }

    /**
     * What the tooltip test hovers: 20 tickets on Tuesday 11:00-12:00 of W47, and NPS 11.5 with a
     * stored margin of 7.4 from 89 answers in W47 (its band is drawn 4.1 to 18.9).
     */
    static void hoverable(DSLContext dsl) {
        dsl.insertInto(BUSIEST_HOURS).set(BUSIEST_HOURS.WEEK, "2026-W47").set(BUSIEST_HOURS.WEEKDAY, 2)
                .set(BUSIEST_HOURS.HOUR, 11).set(BUSIEST_HOURS.TICKETS, 20L).execute();
        kpi(dsl, "2026-W46", "all", "all", "nps", 20, 70, false);
        kpi(dsl, "2026-W46", "all", "all", "nps_margin_of_error", 9.1, 70, false);
        kpi(dsl, "2026-W47", "all", "all", "nps", 11.5, 89, false);
        kpi(dsl, "2026-W47", "all", "all", "nps_margin_of_error", 7.4, 89, false);
    }

    /**
     * W47's rows as published by an analyze run with cut-off Thu 26 Nov 2026 13:05 UTC that
     * finished Fri 27 Nov 01:10 UTC, and three commented detractor answers in W47: ticket 4711
     * (chat, billing), ticket "A/7 x" (email, shipping) and ticket 99 (answered after that run:
     * no channel or category yet).
     */
    static void publishedWithComments(DSLContext dsl) {
        long run = dsl.insertInto(RUNS).set(RUNS.KIND, "analyze").set(RUNS.STATUS, "succeeded")
                .set(RUNS.STARTED_AT, OffsetDateTime.parse("2026-11-27T01:00:00Z"))
                .set(RUNS.FINISHED_AT, OffsetDateTime.parse("2026-11-27T01:10:00Z"))
                .set(RUNS.CUT_OFF, OffsetDateTime.parse("2026-11-26T13:05:00Z"))
                .returning(RUNS.ID).fetchOne(RUNS.ID);
        dsl.update(KPI_WEEKLY).set(KPI_WEEKLY.RUN_ID, run).where(KPI_WEEKLY.WEEK.eq("2026-W47")).execute();
        comment(dsl, "4711", "2026-11-18T10:00:00Z", "The chat kept me waiting", "chat", "billing", run);
        comment(dsl, "A/7 x", "2026-11-19T10:00:00Z", "Parcel lost twice", "email", "shipping", run);
        comment(dsl, "99", "2026-11-20T10:00:00Z", "Nobody called back", null, null, run);
    }

    private static void comment(DSLContext dsl, String ticket, String at, String text, String channel, String category,
                                long run) {
        long id = dsl.insertInto(SURVEY_RESPONSES).set(SURVEY_RESPONSES.TICKET_ID, ticket)
                .set(SURVEY_RESPONSES.SCORE, 2).set(SURVEY_RESPONSES.COMMENT, text)
                .set(SURVEY_RESPONSES.ANSWERED_AT, OffsetDateTime.parse(at)).set(SURVEY_RESPONSES.ORIGIN, "import")
                .returning(SURVEY_RESPONSES.ID).fetchOne(SURVEY_RESPONSES.ID);
        if (channel != null) {
            dsl.insertInto(ANSWER_TICKETS).set(ANSWER_TICKETS.RESPONSE_ID, id).set(ANSWER_TICKETS.CHANNEL, channel)
                    .set(ANSWER_TICKETS.CATEGORY, category).set(ANSWER_TICKETS.RUN_ID, run).execute();
        }
    }

    static void volume(DSLContext dsl, String week, String breakdown, String value, long n, boolean incomplete) {
        kpi(dsl, week, breakdown, value, "volume", n, n, incomplete);
    }

    private static void kpi(DSLContext dsl, String week, String breakdown, String value, String kpi, double v, long n,
                            boolean incomplete) {
        dsl.insertInto(KPI_WEEKLY)
                .set(KPI_WEEKLY.WEEK, week).set(KPI_WEEKLY.BREAKDOWN, breakdown)
                .set(KPI_WEEKLY.BREAKDOWN_VALUE, value).set(KPI_WEEKLY.KPI, kpi)
                .set(KPI_WEEKLY.VALUE, v).set(KPI_WEEKLY.SAMPLE_SIZE, n)
                .set(KPI_WEEKLY.SMALL_SAMPLE, n < 30).set(KPI_WEEKLY.INCOMPLETE, incomplete)
                .execute();
    }
}
