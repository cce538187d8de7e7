package org.cskpi.reports.tiles;

import org.cskpi.store.kpi.Kpi;

/** The headline KPIs of the weekly report, in display order (issue 7, "headline tiles"). */
public enum KpiSpec {
    VOLUME(Kpi.VOLUME, "Tickets", "Ticket volume", Unit.COUNT, Polarity.NEUTRAL),
    FRT_MEDIAN(Kpi.FRT_MEDIAN_S, "First response (median)", "FRT median", Unit.DURATION, Polarity.LOWER_IS_BETTER),
    FRT_BUSINESS_MEDIAN(Kpi.FRT_BUSINESS_MEDIAN_S, "First response, business hours (median)",
            "Business-hours FRT median", Unit.DURATION,
            Polarity.LOWER_IS_BETTER),
    FRT_WITHIN_TARGET(Kpi.FRT_WITHIN_TARGET_RATE, "First response within target", "FRT within target", Unit.RATE,
            Polarity.HIGHER_IS_BETTER),
    RESOLUTION_RATE(Kpi.RESOLUTION_RATE, "Resolution rate", "Resolution rate", Unit.RATE, Polarity.HIGHER_IS_BETTER),
    ONE_TOUCH(Kpi.ONE_TOUCH_RATE, "One-touch resolution", "One-touch resolution", Unit.RATE, Polarity.HIGHER_IS_BETTER),
    REOPEN_RATE(Kpi.REOPEN_RATE, "Reopen rate", "Reopen rate", Unit.RATE, Polarity.LOWER_IS_BETTER),
    REPEAT_CONTACT(Kpi.REPEAT_CONTACT_RATE, "Repeat contact rate", "Repeat contact rate", Unit.RATE,
            Polarity.LOWER_IS_BETTER),
    BACKLOG(Kpi.BACKLOG, "Backlog at week end", "Backlog", Unit.COUNT, Polarity.LOWER_IS_BETTER),
    NPS(Kpi.NPS, "NPS", "NPS", Unit.SCORE, Polarity.HIGHER_IS_BETTER);

    private final Kpi kpi;
    private final String label;
    private final String noun;
    private final Unit unit;
    private final Polarity polarity;

    KpiSpec(Kpi kpi, String label, String noun, Unit unit, Polarity polarity) {
        this.kpi = kpi;
        this.label = label;
        this.noun = noun;
        this.unit = unit;
        this.polarity = polarity;
    }

    /** The KPI the tile shows. */
    public Kpi kpi() {
        return kpi;
    }

    public String label() {
        return label;
    }

    /** The name used at the start of a generated sentence ("FRT median rose ..."). */
    public String noun() {
        return noun;
    }

    public Unit unit() {
        return unit;
    }

    public Polarity polarity() {
        return polarity;
    }

    /**
     * The calendar FRT median is shown against the channel's FRT target (targets are calendar
     * seconds, docs/kpis.md#frt-within-target); business-hours FRT has no target.
     */
    public boolean hasFrtTarget() {
        return this == FRT_MEDIAN;
    }
}
