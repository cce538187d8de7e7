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
