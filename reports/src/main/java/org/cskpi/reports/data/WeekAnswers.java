package org.cskpi.reports.data;

import java.util.List;

/**
 * What the report shows of a week's NPS answers (docs/kpis.md#weeks-and-time-zone).
 *
 * @param perScore          element {@code s} counts the answers that gave score {@code s} (0-10)
 * @param detractorComments detractor answers (score 0-6) with a non-blank comment, newest first
 */
public record WeekAnswers(long[] perScore, List<NpsAnswer> detractorComments) {
}
