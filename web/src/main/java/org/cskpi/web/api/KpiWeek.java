package org.cskpi.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One week's rows in a {@code from}/{@code to} answer of {@code /api/kpis}. */
record KpiWeek(@JsonProperty("week") String week, @JsonProperty("rows") List<KpiRow> rows) {
}
