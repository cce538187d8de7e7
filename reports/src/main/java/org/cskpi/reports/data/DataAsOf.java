package org.cskpi.reports.data;

import java.time.Instant;
import java.util.Optional;

/**
 * Which data a week's figures come from: the analyze run that published the week's KPIs (its
 * row in {@code runs}).
 *
 * @param cutOff     the cut-off the run computed as of (docs/kpis.md#cut-off); empty for runs
 *                   from before it was recorded
 * @param analysedAt when the run finished
 */
public record DataAsOf(Optional<Instant> cutOff, Instant analysedAt) {
}
