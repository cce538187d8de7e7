package org.cskpi.web.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.cskpi.config.IsoWeek;

/**
 * What can change a report page, read in one query ({@link ReportChoices#storeVersion()}): the
 * runs that finished (analyze publishes its KPIs, then records that it finished; a responses
 * import is a run too) and the survey answers (highest id and count).
 *
 * <p>The survey stamps an answer with the time it arrives, and a comment can be edited for
 * {@code survey.comment_edit_hours} after that. So a week is <em>open</em> until its end plus
 * {@code answerWindow} (the edit window and a minute): its pages see the answers' version and,
 * since a comment edit changes no version, expire after {@link ReportCache#MAX_AGE_NANOS}. A
 * <em>closed</em> week changes only with a run (answers given in a past week arrive by import):
 * its pages stay until the next run, and the day's stream of answers does not rebuild them.
 *
 * @param finishedRuns rows of {@code runs} with {@code finished_at}; counted, not the highest id,
 *                     so that a run that ends after a younger one still counts
 * @param answers      highest id and count of {@code survey_responses}
 */
record StoreVersion(long finishedRuns, String answers, Context context) {

    /** The business zone, the survey's answer window and the time the version was read. */
    record Context(ZoneId zone, Duration answerWindow, Instant now) {
    }

    /** Pages of a closed week never expire by age. */
    static final long NEVER = Long.MAX_VALUE;

    /** The version of the pages of {@code week}. */
    String of(IsoWeek week) {
        return finishedRuns + "/" + (isOpen(week) ? answers : "closed");
    }

    /** Whether {@code week} can still get answers or comment edits. */
    boolean isOpen(IsoWeek week) {
        return week.end(context.zone()).plus(context.answerWindow()).isAfter(context.now());
    }

    /** How old a cached page of {@code week} may be: {@code openWeeks} if it is open, else {@link #NEVER}. */
    long maxAgeNanos(IsoWeek week, long openWeeks) {
        return isOpen(week) ? openWeeks : NEVER;
    }
}
