package org.cskpi.mail.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "en       | en",
            "VI-vn    | vi-VN",
            "Th-th    | th-TH",
            "hr-HR    | hr-HR",
            "LT       | lt",
            "nb-NO    | nb-NO",
            "nn-NO    | nn-NO",
            "no       | no"})
    void a_well_formed_tag_of_a_survey_language_is_taken_in_its_bcp47_form(String tag, String expected) {
        assertThat(SurveyLocales.bcp47(tag)).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"<script>", "vi-<script>", "vi_VN", "nb_NO", " vi", "vi ", "", "und", "x-vi", "de-DE", "tha",
            "vi--VN", "english"})
    void anything_else_is_refused(String tag) {
        assertThat(SurveyLocales.bcp47(tag)).isEmpty();
    }
}
