package org.cskpi.web.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurveyLocalesTest {

    @ParameterizedTest(name = "invitation {0}, Accept-Language {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "vi       | th               | vi",
            "VI-vn    |                  | vi",
            "th_TH    |                  | th",
            "nn-NO    |                  | nb",
            "de-DE    | lt-LT,lt;q=0.9   | lt",
            "         | fr;q=1, hr;q=0.5 | hr",
            "         | en;q=0.1, th     | th",
            "         | th;q=0, en;q=0.5 | en",
            "         | ;;;garbage       | en",
            "         | *                | en",
            "xx       |                  | en"})
    void invitation_locale_wins_then_accept_language_then_english(String invitation, String accept, String expected) {
        assertThat(SurveyLocales.choose(invitation, accept)).isEqualTo(expected);
    }
}
