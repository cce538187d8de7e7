package org.cskpi.mail.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyTextsTest {

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SurveyTextsTest.class.getResourceAsStream("/i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "hr", "lt", "th", "nb"})
    void every_language_has_every_key_of_the_english_base_and_no_other(String language) throws IOException {
        Properties english = load("survey.properties");
        Properties translated = load("survey_" + language + ".properties");

        assertThat(translated.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(translated.getProperty(key)).as(language + ": " + key).isNotBlank()
                    .doesNotContain("\uFFFD");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "vi", "hr", "lt", "th", "nb"})
    void question_names_the_brand_in_every_language(String language) {
        SurveyTexts texts = SurveyTexts.of(language);

        assertThat(texts.forPage("Ånd & Co").get("question")).contains("Ånd & Co").doesNotContain("{0}");
        assertThat(texts.forPage("Ånd & Co").get("title")).contains("Ånd & Co");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | You answered 9.",
            "vi | Bạn đã chấm 9 điểm.",
            "hr | Odgovorili ste ocjenom 9.",
            "lt | Jūsų įvertinimas: 9.",
            "th | คุณให้คะแนน 9",
            "nb | Du svarte 9."})
    void stored_score_is_named_in_every_language(String language, String expected) {
        assertThat(SurveyTexts.of(language).get("answered_score", "9")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | Thanks — you gave 9 | You can change your score and comment for 48 hours. | for 1 hour.",
            "vi | Cảm ơn bạn — bạn đã chấm 9 điểm | Bạn có thể đổi điểm và nhận xét trong vòng 48 giờ. | trong vòng 1 giờ.",
            "hr | Hvala — vaša ocjena je 9 | Ocjenu i komentar možete promijeniti u roku od 48 h. | u roku od 1 h.",
            "lt | Ačiū — jūsų įvertinimas 9 | Įvertinimą ir komentarą galite pakeisti per 48 val. | per 1 val.",
            "th | ขอบคุณ — คุณให้คะแนน 9 | คุณเปลี่ยนคะแนนและความคิดเห็นได้ภายใน 48 ชั่วโมง | ภายใน 1 ชั่วโมง",
            "nb | Takk — du ga 9 | Du kan endre poengsum og kommentar i 48 timer. | i 1 time."})
    void thanks_name_the_score_and_the_edit_hint_the_configured_hours(String language, String thanks, String hint48,
                                                                      String hint1End) {
        SurveyTexts texts = SurveyTexts.of(language);

        assertThat(texts.get("thanks_score", 9)).isEqualTo(thanks);
        assertThat(texts.get("comment_edit_hint", 48)).isEqualTo(hint48);
        assertThat(texts.get("comment_edit_hint", 1)).endsWith(hint1End);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "hr", "lt", "th", "nb"})
    void translations_are_read_as_utf8_and_differ_from_english(String language) {
        assertThat(SurveyTexts.of(language).get("comment_label"))
                .isNotEqualTo(SurveyTexts.of("en").get("comment_label"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "vi", "hr", "lt", "th", "nb"})
    void supported_languages_are_exactly_the_bundles(String language) {
        assertThat(SurveyLocales.SUPPORTED).contains(language);
        assertThat(SurveyTextsTest.class.getResource(
                language.equals("en") ? "/i18n/survey.properties" : "/i18n/survey_" + language + ".properties")).isNotNull();
    }
}
