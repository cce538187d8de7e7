package org.cskpi.web.survey;

import java.util.Optional;
import org.cskpi.invitation.Invitation;

/**
 * Where one survey link stands. {@code score} and {@code comment} are the stored answer of an
 * answered invitation (shown to a customer who comes back), null otherwise.
 */
public record SurveyState(Kind kind, Optional<Invitation> invitation, Integer score, String comment) {

    public enum Kind { UNKNOWN, EXPIRED, OPEN, ANSWERED_EDITABLE, ANSWERED_FINAL }

    static SurveyState unknown() {
        return new SurveyState(Kind.UNKNOWN, Optional.empty(), null, null);
    }

    public String invitationLocale() {
        return invitation.map(Invitation::locale).orElse(null);
    }
}
