package org.cskpi.store.kpi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The breakdowns of {@code kpi_weekly.breakdown} (docs/kpis.md#breakdowns), each with its stored
 * name, in the order of the store's check constraint (which {@code KpiNamesTest} compares them
 * with).
 */
public enum Breakdown {
    /** The whole operation; its one {@code breakdown_value} is {@link #ALL_VALUE}. */
    ALL("all"),
    CHANNEL("channel"),
    CATEGORY("category"),
    TEAM("team"),
    AGENT("agent"),
    LOCALE("locale"),
    FRT_BUCKET("frt_bucket");

    /** The {@code breakdown_value} of the {@link #ALL} rows. */
    public static final String ALL_VALUE = "all";

    private final String storedName;

    Breakdown(String storedName) {
        this.storedName = storedName;
    }

    /** The name in {@code kpi_weekly.breakdown} and in the API's {@code breakdown} parameter, e.g. {@code frt_bucket}. */
    public String storedName() {
        return storedName;
    }

    /** The breakdown stored as {@code name}; empty for any other text. */
    public static Optional<Breakdown> fromStoredName(String name) {
        return Arrays.stream(values()).filter(b -> b.storedName.equals(name)).findFirst();
    }
}
