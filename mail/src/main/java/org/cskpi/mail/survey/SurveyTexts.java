package org.cskpi.mail.survey;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The survey's texts in one language, for the survey pages and the invitation e-mail, from
 * {@code i18n/survey*.properties} (UTF-8; English is the base file). A test checks that every language has every key, so the fallback to the
 * English base never shows in practice.
 */
public final class SurveyTexts {

    static final String BUNDLE = "i18n.survey";
    /** The supported languages' texts, loaded once: every survey request needs one. */
    private static final Map<String, SurveyTexts> LOADED = SurveyLocales.SUPPORTED.stream()
            .collect(Collectors.toUnmodifiableMap(language -> language, SurveyTexts::load));
    private final String language;
    private final ResourceBundle bundle;

    private SurveyTexts(String language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    public static SurveyTexts of(String language) {
        SurveyTexts loaded = language == null ? null : LOADED.get(language);
        return loaded != null ? loaded : load(language);
    }

    private static SurveyTexts load(String language) {
        Locale locale = Locale.forLanguageTag(language);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new SurveyTexts(language, bundle);
    }

    public String language() {
        return language;
    }

    public String get(String key, Object... args) {
        String text = bundle.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, Locale.forLanguageTag(language)).format(args);
    }

    /** All texts, with {@code {0}} in the question filled with the brand name. */
    public Map<String, String> forPage(String brand) {
        Map<String, String> texts = new HashMap<>();
        for (String key : bundle.keySet()) {
            texts.put(key, bundle.getString(key));
        }
        texts.put("question", get("question", brand));
        texts.put("title", get("title", brand));
        return texts;
    }
}
