package org.cskpi.batch.weekly;

import static org.cskpi.store.jooq.Tables.REPORT_SENDS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cskpi.config.IsoWeek;
import org.jooq.DSLContext;

/**
 * The weekly report e-mails the weekly job sent (store table {@code report_sends}): one per
 * week, so a re-run does not mail the same week again. {@code report --send}, asked for by a
 * person, always sends and is not recorded here.
 */
final class ReportSends {

    private final DSLContext dsl;

    ReportSends(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The Message-ID of the week's report e-mail, if one was sent. */
    Optional<String> messageId(IsoWeek week) {
        return dsl.select(REPORT_SENDS.MESSAGE_ID).from(REPORT_SENDS).where(REPORT_SENDS.WEEK.eq(week.toString()))
                .fetchOptional(REPORT_SENDS.MESSAGE_ID);
    }

    void record(IsoWeek week, String messageId, List<String> to, Instant at) {
        dsl.insertInto(REPORT_SENDS)
                .set(REPORT_SENDS.WEEK, week.toString())
                .set(REPORT_SENDS.MESSAGE_ID, messageId)
                .set(REPORT_SENDS.RECIPIENTS, String.join(", ", to))
                .set(REPORT_SENDS.SENT_AT, at.atOffset(ZoneOffset.UTC))
                .execute();
    }
}
