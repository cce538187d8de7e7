package org.cskpi.invitation;

import java.time.Instant;

/** A stored invitation (never its token: only the token's hash is stored). */
public record Invitation(long id, String source, String ticketId, String customerId, String locale,
                         Instant createdAt, Instant expiresAt) {

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
