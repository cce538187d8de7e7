package org.cskpi.web.report;

import java.time.Instant;
import java.time.ZoneId;
import org.cskpi.reports.data.IsoWeek;

/**
 * What can change a report page, read in one query ({@link ReportChoices#storeVersion()}): the
 * runs that finished (analyze publishes its KPIs, then records that it finished; a responses
 * import is a run too) and the survey answers (highest id and count).
 *
 * <p>A page of a week only sees the answers while that week can still get web answers: the
 * survey stamps an answer with the time it arrives, so a week that ended before {@code now}
 * (less {@link #ANSWER_GRACE_SECONDS}) gets none, and the stream of answers during the day does
 * not rebuild last week's page over and over. Answers given in a past week arrive by import, a
 * run. A comment edit changes no version: {@link ReportCache#MAX_AGE_NANOS} bounds that.
 *
 * @param finishedRuns rows of {@code runs} with {@code finished_at}; counted, not the highest id,
 *                     so that a run that ends after a younger one still counts
 * @param answers      highest id and count of {@code survey_responses}
 */
record StoreVersion(long finishedRuns, String answers, ZoneId zone, Instant now) {

    static final long ANSWER_GRACE_SECONDS = 60;

    /** The version of the pages of {@code week}. */
    String of(IsoWeek week) {
        boolean takesAnswers = week.end(zone).isAfter(now.minusSeconds(ANSWER_GRACE_SECONDS));
        return finishedRuns + "/" + (takesAnswers ? answers : "closed");
    }
}
