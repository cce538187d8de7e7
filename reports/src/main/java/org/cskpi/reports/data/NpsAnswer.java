package org.cskpi.reports.data;

import java.time.Instant;

/**
 * One NPS answer of the week from {@code survey_responses}; comment and locale may be null, and so
 * may its ticket's channel and category (known for commented detractor answers once analyze
 * has run, from {@code answer_tickets}).
 */
public record NpsAnswer(int score, String comment, String ticketId, String locale, Instant answeredAt,
                        String channel, String category) {

    /** An answer whose ticket's channel and category are not known. */
    public NpsAnswer(int score, String comment, String ticketId, String locale, Instant answeredAt) {
        this(score, comment, ticketId, locale, answeredAt, null, null);
    }

    public boolean isDetractor() {
        return score <= 6;
    }
}
