package org.cskpi.invitation;

import java.util.Optional;

/**
 * What {@link Invitations#issue} did. The token and links exist only in an {@code ISSUED}
 * result: they are shown once and cannot be recovered later.
 */
public record IssueResult(Outcome outcome, Optional<Issued> issued) {

    public enum Outcome {
        /** A new invitation was stored. */
        ISSUED,
        /** The ticket already has an invitation (one per ticket). */
        ALREADY_INVITED,
        /** The customer was invited within {@code survey.fatigue_days}. */
        CUSTOMER_RECENTLY_INVITED,
        /** The customer unsubscribed from surveys ({@code survey_unsubscribes}): never invited again. */
        UNSUBSCRIBED,
        /** Sending by e-mail, and the store has no (usable) address for the customer. */
        NO_ADDRESS
    }

    /** A new invitation with its one-time token and links. */
    public record Issued(Invitation invitation, String token, SurveyLinks links) {
    }

    static IssueResult skipped(Outcome outcome) {
        return new IssueResult(outcome, Optional.empty());
    }
}
