package io.walletdesk.status.internal;

import java.util.Locale;

/** A text in the three languages; Chinese and Indonesian fall back to English when missing. */
record Texts(String en, String zh, String id) {

    static Texts of(String en) {
        return new Texts(en, null, null);
    }

    String in(Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        if ("zh".equals(language) && zh != null && !zh.isBlank()) {
            return zh;
        }
        if (("id".equals(language) || "in".equals(language)) && id != null && !id.isBlank()) {
            return id;
        }
        return en;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
