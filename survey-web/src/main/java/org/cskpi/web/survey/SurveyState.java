package org.cskpi.web.survey;

import java.util.Optional;
import org.cskpi.invitation.Invitation;

/**
 * Where one survey link stands. {@code comment} is the stored comment of an answered
 * invitation (for the edit form), null otherwise.
 */
public record SurveyState(Kind kind, Optional<Invitation> invitation, String comment) {

    public enum Kind { UNKNOWN, EXPIRED, OPEN, ANSWERED_EDITABLE, ANSWERED_FINAL }

    static SurveyState unknown() {
        return new SurveyState(Kind.UNKNOWN, Optional.empty(), null);
    }

    public String invitationLocale() {
        return invitation.map(Invitation::locale).orElse(null);
    }
}
