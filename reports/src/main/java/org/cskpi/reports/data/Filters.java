package org.cskpi.reports.data;

import java.util.Optional;
import org.cskpi.store.kpi.Breakdown;

/**
 * The report's filters. The breakdown filter ({@code channel} or {@code team}) picks the headline
 * figures: the KPI store holds one breakdown at a time (docs/kpis.md#breakdowns), so at most one
 * of them can be chosen. The comment filter ({@code commentChannel}, {@code commentCategory})
 * picks which detractor comments the page lists, by their ticket's channel and category; it
 * changes nothing else.
 */
public record Filters(Optional<String> channel, Optional<String> team, Optional<String> commentChannel,
                      Optional<String> commentCategory) {

    public Filters {
        channel = channel.filter(s -> !s.isBlank());
        team = team.filter(s -> !s.isBlank());
        commentChannel = commentChannel.filter(s -> !s.isBlank());
        commentCategory = commentCategory.filter(s -> !s.isBlank());
        if (channel.isPresent() && team.isPresent()) {
            throw new IllegalArgumentException(
                    "choose a channel or a team, not both: the KPI store has no channel-by-team breakdown");
        }
    }

    /** A breakdown filter, all comments. */
    public Filters(Optional<String> channel, Optional<String> team) {
        this(channel, team, Optional.empty(), Optional.empty());
    }

    /** These filters listing only the comments whose ticket has {@code channel} and {@code category} (empty: any). */
    public Filters withComments(Optional<String> channel, Optional<String> category) {
        return new Filters(this.channel, team, channel, category);
    }

    /** Whether a comment whose ticket has {@code channel} and {@code category} is listed. */
    public boolean listsComment(String channel, String category) {
        return commentChannel.map(c -> c.equals(channel)).orElse(true)
                && commentCategory.map(c -> c.equals(category)).orElse(true);
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

    /** No breakdown filter: the headline figures are the whole operation's (comments may still be filtered). */
    public boolean isNone() {
        return channel.isEmpty() && team.isEmpty();
    }
}
