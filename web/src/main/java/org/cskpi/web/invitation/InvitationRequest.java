package org.cskpi.web.invitation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /api/invitations}; {@code customer_id} and {@code locale} are optional. */
public record InvitationRequest(
        @JsonProperty("source") String source,
        @JsonProperty("ticket_id") String ticketId,
        @JsonProperty("customer_id") String customerId,
        @JsonProperty("locale") String locale) {
}
