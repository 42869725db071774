package io.jixiao.common.i18n;

import java.util.Locale;

/**
 * The response language: Chinese first (zh-CN, the default), English when the client prefers it
 * in Accept-Language. Codes (enum values, types, keys) never change with the language.
 */
public final class Language {

    public static final String CHINESE = "zh-CN";
    public static final String ENGLISH = "en";

    private Language() {}

    /** zh-CN unless English is preferred over Chinese in the Accept-Language header. */
    public static String of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() <= 0) {
                    continue;
                }
                if (tag.startsWith("zh")) {
                    return CHINESE;
                }
                if (tag.startsWith("en")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException e) {
            return CHINESE; // a malformed header is no reason to refuse the request
        }
        return CHINESE;
    }

    public static boolean english(String language) {
        return ENGLISH.equals(language);
    }
}
