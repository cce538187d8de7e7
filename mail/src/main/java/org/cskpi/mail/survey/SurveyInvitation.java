package org.cskpi.mail.survey;

import java.util.List;

/**
 * One customer's invitation, as the e-mail needs it: the address, the invitation's locale (any
 * tag or none; {@link SurveyLocales#choose} picks the language, English when it is not one of
 * the survey's), the eleven one-tap links for scores 0 to 10 in order, and the unsubscribe link.
 * The links come from the store's {@code SurveyLinks}, so the e-mail and the web app agree on them.
 */
public record SurveyInvitation(String to, String locale, List<String> scoreLinks, String unsubscribeLink) {

    public SurveyInvitation {
        if (scoreLinks.size() != 11) {
            throw new IllegalArgumentException("expected 11 score links (0 to 10), got " + scoreLinks.size());
        }
        scoreLinks = List.copyOf(scoreLinks);
    }
}
