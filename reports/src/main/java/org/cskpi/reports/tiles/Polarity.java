package org.cskpi.reports.tiles;

/** Which direction of change is good news for a KPI. */
public enum Polarity {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    /** Volume: more tickets is neither good nor bad for the support team's performance. */
    NEUTRAL
}
