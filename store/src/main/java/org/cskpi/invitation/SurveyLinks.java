package org.cskpi.invitation;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The links of one invitation: the survey page, the eleven one-tap links (scores 0..10) and
 * the unsubscribe link that the invitation e-mail carries (docs/mail.md#the-survey-invitation).
 */
public record SurveyLinks(String survey, List<String> oneTap, String unsubscribe) {

    /** Links under {@code baseUrl} (config {@code survey.base_url}, no trailing slash). */
    public static SurveyLinks of(String baseUrl, String token) {
        String survey = baseUrl + "/s/" + token;
        return new SurveyLinks(survey, IntStream.rangeClosed(0, 10).mapToObj(score -> survey + "?score=" + score).toList(),
                baseUrl + "/u/" + token);
    }
}
