package org.cskpi.generate;

/** One NPS answer (a row of {@code survey_responses.csv}); {@code comment} may be null. */
record SurveyAnswer(long ticketId, long customerId, int score, String comment, long answeredAt, String locale) {
}
