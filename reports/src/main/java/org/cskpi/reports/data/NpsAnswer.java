package org.cskpi.reports.data;

import java.time.Instant;

/** One NPS answer of the week from {@code survey_responses}; comment and locale may be null. */
public record NpsAnswer(int score, String comment, String ticketId, String locale, Instant answeredAt) {

    public boolean isDetractor() {
        return score <= 6;
    }
}
