package org.cskpi.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One {@code kpi_weekly} row as the API shows it (docs/kpis.md#names-in-the-kpi-store). */
public record KpiRow(
        @JsonProperty("breakdown_value") String breakdownValue,
        @JsonProperty("kpi") String kpi,
        @JsonProperty("value") double value,
        @JsonProperty("sample_size") long sampleSize,
        @JsonProperty("small_sample") boolean smallSample,
        @JsonProperty("incomplete") boolean incomplete) {
}
