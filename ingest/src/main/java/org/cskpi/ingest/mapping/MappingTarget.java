package org.cskpi.ingest.mapping;

import java.util.List;

/** What a mapping file maps into: ticket rows or survey responses (docs/mappings.md#canonical-columns). */
public enum MappingTarget {

    /**
     * The canonical ticket columns. {@code customer_email} is cskpi's addition: a column of
     * e-mail addresses that ingest replaces by a keyed hash in {@code customer_id} when that is
     * null, never storing the address.
     */
    TICKETS(List.of("ticket_id", "customer_id", "customer_email", "channel", "category", "priority", "agent_id",
            "team", "status", "created_at", "first_response_at", "resolved_at", "final_resolved_at", "reopens",
            "agent_replies", "updated_at", "locale"),
            true),
    /** The columns of {@code survey_responses} a file can carry. */
    RESPONSES(List.of("ticket_id", "customer_id", "score", "comment", "locale", "answered_at"), false);

    private final List<String> columns;
    private final boolean sourceRequired;

    MappingTarget(List<String> columns, boolean sourceRequired) {
        this.columns = columns;
        this.sourceRequired = sourceRequired;
    }

    public List<String> columns() {
        return columns;
    }

    public boolean sourceRequired() {
        return sourceRequired;
    }
}
