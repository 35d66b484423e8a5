package io.walletdesk.shared.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages every customer-facing text exists in. English is the fallback. */
public enum SupportedLanguage {
    EN("en", Locale.ENGLISH),
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE),
    ID("id", Locale.forLanguageTag("id-ID"));

    private final String tag;
    private final Locale locale;

    SupportedLanguage(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** Parses a tag such as {@code zh-CN}, {@code zh}, {@code id-ID} or {@code en-GB}; empty when unsupported. */
    public static Optional<SupportedLanguage> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        return of(Locale.forLanguageTag(tag.trim().replace('_', '-')));
    }

    public static Optional<SupportedLanguage> of(Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        return switch (locale.getLanguage()) {
            case "en" -> Optional.of(EN);
            case "zh" -> Optional.of(ZH_CN);
            // Older JDKs and some clients still send the withdrawn ISO code "in" for Indonesian.
            case "id", "in" -> Optional.of(ID);
            default -> Optional.empty();
        };
    }

    /** The first supported language in an Accept-Language list, honouring its q-values. */
    public static Optional<SupportedLanguage> bestMatch(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange range : ranges) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                Optional<SupportedLanguage> match = fromTag(range.getRange());
                if (match.isPresent()) {
                    return match;
                }
            }
        } catch (IllegalArgumentException malformedHeader) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
