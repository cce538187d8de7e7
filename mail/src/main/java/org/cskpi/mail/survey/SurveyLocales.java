package org.cskpi.mail.survey;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The survey's languages and how one is chosen: the invitation's locale if it is one of
 * them, else the best match in {@code Accept-Language} (by q-value, then order), else English.
 * Matching is by language only ({@code vi-VN} is Vietnamese); Norwegian {@code no} and
 * {@code nn} read the Bokmål texts.
 */
public final class SurveyLocales {

    public static final List<String> SUPPORTED = List.of("en", "vi", "hr", "lt", "th", "nb");
    public static final String DEFAULT = "en";

    private SurveyLocales() {
    }

    public static String choose(String invitationLocale, String acceptLanguage) {
        return supported(invitationLocale).or(() -> fromAcceptLanguage(acceptLanguage)).orElse(DEFAULT);
    }

    /**
     * The tag in its BCP 47 form ({@code VI-vn} is {@code vi-VN}) if it is a well-formed BCP 47
     * tag, in any case, in one of the survey's languages; empty otherwise. Stricter than
     * {@link #choose}, which makes the best of any locale already stored (say {@code nb_NO}):
     * this guards what the invitation API stores.
     */
    public static Optional<String> bcp47(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String wellFormed;
        try {
            wellFormed = new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
        return supported(wellFormed).map(language -> wellFormed);
    }

    static Optional<String> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        if (language.equals("no") || language.equals("nn")) {
            language = "nb";
        }
        return SUPPORTED.contains(language) ? Optional.of(language) : Optional.empty();
    }

    static Optional<String> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> supported(range.getRange()))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
