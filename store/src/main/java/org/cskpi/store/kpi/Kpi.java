package org.cskpi.store.kpi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The KPIs {@code analyze} writes to {@code kpi_weekly.kpi}, each with its stored name
 * (docs/kpis.md#names-in-the-kpi-store). The store does not constrain the column; this list
 * and the docs' table are kept in step by {@code KpiNamesTest}.
 */
public enum Kpi {
    VOLUME("volume"),
    UNANSWERED("unanswered"),
    FRT_MEDIAN_S("frt_median_s"),
    FRT_P90_S("frt_p90_s"),
    FRT_MEAN_S("frt_mean_s"),
    FRT_BUSINESS_MEDIAN_S("frt_business_median_s"),
    FRT_BUSINESS_P90_S("frt_business_p90_s"),
    FRT_WITHIN_TARGET_RATE("frt_within_target_rate"),
    RESOLUTION_TIME_MEDIAN_S("resolution_time_median_s"),
    RESOLUTION_TIME_P90_S("resolution_time_p90_s"),
    RESOLUTION_TIME_MEAN_S("resolution_time_mean_s"),
    RESOLUTION_TIME_BUSINESS_MEDIAN_S("resolution_time_business_median_s"),
    FULL_RESOLUTION_TIME_MEDIAN_S("full_resolution_time_median_s"),
    RESOLUTION_RATE("resolution_rate"),
    RESOLUTION_RATE_7D("resolution_rate_7d"),
    ONE_TOUCH_RATE("one_touch_rate"),
    REOPEN_RATE("reopen_rate"),
    REPEAT_CONTACT_RATE("repeat_contact_rate"),
    REPEAT_CUSTOMER_RATE("repeat_customer_rate"),
    AFTER_HOURS_SHARE("after_hours_share"),
    BACKLOG("backlog"),
    NPS("nps"),
    NPS_RESPONSES("nps_responses"),
    NPS_PROMOTERS("nps_promoters"),
    NPS_PASSIVES("nps_passives"),
    NPS_DETRACTORS("nps_detractors"),
    NPS_MARGIN_OF_ERROR("nps_margin_of_error"),
    NPS_RESPONSE_RATE("nps_response_rate");

    private final String storedName;

    Kpi(String storedName) {
        this.storedName = storedName;
    }

    /** The name in {@code kpi_weekly.kpi}, the API's JSON and the exports, e.g. {@code frt_median_s}. */
    public String storedName() {
        return storedName;
    }

    /** The KPI stored as {@code name}; empty for a name cskpi does not write. */
    public static Optional<Kpi> fromStoredName(String name) {
        return Arrays.stream(values()).filter(k -> k.storedName.equals(name)).findFirst();
    }
}
