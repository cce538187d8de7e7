package org.cskpi.reports.tiles;

/** The colour of a tile's change arrow. */
public enum Verdict {
    /** Moved in the good direction: green. */
    GOOD,
    /** Moved in the bad direction: red. */
    BAD,
    /** Unchanged, or a KPI with no good direction: grey. */
    NEUTRAL,
    /**
     * One of the two weeks is incomplete or has no value: no comparison is shown
     * (docs/kpis.md#reading-the-figures-in-reports).
     */
    NOT_COMPARABLE
}
