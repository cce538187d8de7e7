package org.cskpi.reports.data;

import java.util.Optional;
import org.cskpi.store.kpi.Breakdown;

/**
 * The report's breakdown filter. The KPI store holds one breakdown at a time (
 * docs/kpis.md#breakdowns), so at most one of channel and team can be chosen.
 */
public record Filters(Optional<String> channel, Optional<String> team) {

    public Filters {
        channel = channel.filter(s -> !s.isBlank());
        team = team.filter(s -> !s.isBlank());
        if (channel.isPresent() && team.isPresent()) {
            throw new IllegalArgumentException(
                    "choose a channel or a team, not both: the KPI store has no channel-by-team breakdown");
        }
    }

    public static Filters none() {
        return new Filters(Optional.empty(), Optional.empty());
    }

    public static Filters channel(String channel) {
        return new Filters(Optional.of(channel), Optional.empty());
    }

    public static Filters team(String team) {
        return new Filters(Optional.empty(), Optional.of(team));
    }

    /** The {@code kpi_weekly} breakdown the headline numbers come from. */
    public Breakdown breakdown() {
        return channel.isPresent() ? Breakdown.CHANNEL : team.isPresent() ? Breakdown.TEAM : Breakdown.ALL;
    }

    /** The {@code breakdown_value} the headline numbers come from. */
    public String breakdownValue() {
        return channel.or(() -> team).orElse(Breakdown.ALL_VALUE);
    }

    public boolean isNone() {
        return channel.isEmpty() && team.isEmpty();
    }
}
