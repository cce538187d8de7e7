package org.cskpi.generate;

import java.util.List;

/**
 * A simulated ticket as of the export's cut-off, from which every format is written. The
 * canonical facts (first response, resolutions, reopens, replies, status) are derived from
 * the event list, so that the Zendesk events, the metrics, the Freshdesk row and the
 * canonical CSV cannot disagree. Times are epoch seconds; {@link #NONE} means "never".
 */
record SimTicket(
        long id,
        Customers.Customer customer,
        boolean isNewCustomer,
        Channel channel,
        Category category,
        String priority,
        Cast.Agent agent,
        Cast.Team team,
        String type,
        String subject,
        List<SimEvent> events,
        Facts facts) {

    static final long NONE = -1;

    /** What the events say; see {@link #derive}. */
    record Facts(long createdAt, long assignedAt, long firstResponseAt, long resolvedAt, long finalResolvedAt,
                 long closedAt, int reopens, int agentReplies, int customerMessages, String zendeskStatus,
                 long updatedAt) {

        boolean hasResponse() {
            return firstResponseAt != NONE;
        }

        boolean isResolved() {
            return resolvedAt != NONE;
        }
    }

    /**
     * Derives the facts: first response = first public agent comment; resolved = first
     * change to solved; final resolution = last change to solved while the ticket is still
     * solved or closed (a reopened ticket that is open again has none); reopens = changes
     * from solved back to an open state; updated = last event.
     */
    static Facts derive(List<SimEvent> events) {
        long created = events.get(0).at();
        long assigned = NONE;
        long firstResponse = NONE;
        long resolved = NONE;
        long lastSolve = NONE;
        long closed = NONE;
        int reopens = 0;
        int replies = 0;
        int customerMessages = 0;
        String status = "new";
        for (SimEvent e : events) {
            if (e.kind() == SimEvent.Kind.ASSIGNED && assigned == NONE) {
                assigned = e.at();
            }
            if (e.isAgentReply()) {
                replies++;
                if (firstResponse == NONE) {
                    firstResponse = e.at();
                }
            }
            if (e.kind() == SimEvent.Kind.CREATED || e.kind() == SimEvent.Kind.CUSTOMER_REPLY) {
                customerMessages++;
            }
            if (e.isSolve()) {
                lastSolve = e.at();
                if (resolved == NONE) {
                    resolved = e.at();
                }
            }
            if (e.isReopen()) {
                reopens++;
            }
            if ("closed".equals(e.statusTo())) {
                closed = e.at();
            }
            if (e.statusTo() != null) {
                status = e.statusTo();
            }
        }
        boolean isSolvedNow = status.equals("solved") || status.equals("closed");
        return new Facts(created, assigned, firstResponse, resolved, isSolvedNow ? lastSolve : NONE, closed,
                reopens, replies, customerMessages, status, events.get(events.size() - 1).at());
    }

    /** The same ticket, moved to {@code to} (an agent took the conversation to another channel). */
    SimTicket withChannel(Channel to) {
        return new SimTicket(id, customer, isNewCustomer, to, category, priority, agent, team, type, subject, events,
                facts);
    }

    /** Whether some event happened in {@code [from, to)}. */
    boolean changedBetween(long from, long to) {
        for (SimEvent e : events) {
            if (e.at() >= from && e.at() < to) {
                return true;
            }
        }
        return false;
    }

    /**
     * The canonical status (docs/architecture.md#help-desk-formats-read-by-name): Zendesk's new,
     * open and hold are all {@code open}.
     */
    String canonicalStatus() {
        return switch (facts.zendeskStatus()) {
            case "pending" -> "pending";
            case "solved" -> "solved";
            case "closed" -> "closed";
            default -> "open";
        };
    }

    /** The canonical category, null when the agent left it empty. */
    String canonicalCategory() {
        return category == null ? null : category.canonical();
    }
}
