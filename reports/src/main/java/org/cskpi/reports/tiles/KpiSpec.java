package org.cskpi.reports.tiles;

/** The headline KPIs of the weekly report, in display order (issue 7, "headline tiles"). */
public enum KpiSpec {
    VOLUME("volume", "Tickets", "Ticket volume", Unit.COUNT, Polarity.NEUTRAL),
    FRT_MEDIAN("frt_median_s", "First response (median)", "FRT median", Unit.DURATION, Polarity.LOWER_IS_BETTER),
    FRT_BUSINESS_MEDIAN("frt_business_median_s", "First response, business hours (median)",
            "Business-hours FRT median", Unit.DURATION,
            Polarity.LOWER_IS_BETTER),
    FRT_WITHIN_TARGET("frt_within_target_rate", "First response within target", "FRT within target", Unit.RATE,
            Polarity.HIGHER_IS_BETTER),
    RESOLUTION_RATE("resolution_rate", "Resolution rate", "Resolution rate", Unit.RATE, Polarity.HIGHER_IS_BETTER),
    ONE_TOUCH("one_touch_rate", "One-touch resolution", "One-touch resolution", Unit.RATE, Polarity.HIGHER_IS_BETTER),
    REOPEN_RATE("reopen_rate", "Reopen rate", "Reopen rate", Unit.RATE, Polarity.LOWER_IS_BETTER),
    REPEAT_CONTACT("repeat_contact_rate", "Repeat contact rate", "Repeat contact rate", Unit.RATE, Polarity.LOWER_IS_BETTER),
    BACKLOG("backlog", "Backlog at week end", "Backlog", Unit.COUNT, Polarity.LOWER_IS_BETTER),
    NPS("nps", "NPS", "NPS", Unit.SCORE, Polarity.HIGHER_IS_BETTER);

    private final String kpi;
    private final String label;
    private final String noun;
    private final Unit unit;
    private final Polarity polarity;

    KpiSpec(String kpi, String label, String noun, Unit unit, Polarity polarity) {
        this.kpi = kpi;
        this.label = label;
        this.noun = noun;
        this.unit = unit;
        this.polarity = polarity;
    }

    /** The {@code kpi_weekly.kpi} name. */
    public String kpi() {
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
