package org.cskpi.ingest.responses;

import java.time.Instant;

/** One valid imported NPS answer, as {@code survey_responses} stores it (answered_at to the millisecond). */
record ResponseRow(String ticketId, String customerId, int score, String comment, String locale, Instant answeredAt) {
}
