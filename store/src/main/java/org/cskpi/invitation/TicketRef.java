package org.cskpi.invitation;

import java.util.Objects;

/** The ticket an invitation is for; customer and locale may be unknown (null). */
public record TicketRef(String source, String ticketId, String customerId, String locale) {

    public TicketRef {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ticketId, "ticketId");
    }
}
